package org.bangui.application.config;

import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.shared.DomainException;

/**
 * A kept version is reverted only while its file still holds what that change wrote (409 {@code changed_since}):
 * a later change, by hand or through BanGUI, would otherwise be lost silently.
 */
public final class ChangedSinceException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ChangedSinceException(ConfigFile file) {
        super("changed_since", Category.CONFLICT, file.path() + " changed after this change; revert the newest "
                + "change of the file first, or edit it");
    }
}
