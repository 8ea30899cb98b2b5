package org.bangui.application.config;

import org.bangui.domain.shared.DomainException;

/** A written key does not read back at all (422 {@code config_invalid}); the write is undone. */
public final class ConfigReadBackException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConfigReadBackException(String key) {
        super("config_invalid", Category.UNPROCESSABLE, "'" + key + "' does not read back as written");
    }
}
