package org.bangui.domain.config;

import org.bangui.domain.shared.DomainException;

/** The configuration directory or one of its files cannot be read or written (missing, permissions, I/O). */
public final class ConfigUnreadableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConfigUnreadableException(String message, Throwable cause) {
        super("config_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
