package org.bangui.domain.config;

import org.bangui.domain.shared.DomainException;

/** A written value does not take effect because a file read later still defines the key; nothing is changed. */
public final class ShadowedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final ConfigFile file;

    public ShadowedException(String key, ConfigFile file) {
        super("shadowed", Category.CONFLICT, "'" + key + "' is still defined in " + file.path()
                + ", which fail2ban reads later; change it there");
        this.file = file;
    }

    /** The file that wins. */
    public ConfigFile file() {
        return file;
    }
}
