package org.bangui.application.config;

import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.shared.DomainException;

/** The file a new jail, filter or action would get exists already (409 {@code file_exists}). */
public final class FileExistsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public FileExistsException(ConfigFile file) {
        super("file_exists", Category.CONFLICT, file.path() + " exists already and is not BanGUI's to overwrite");
    }
}
