package org.bangui.domain.config;

import org.bangui.domain.shared.DomainException;

/**
 * fail2ban refuses the configuration (its test fails, a regex does not compile, a filter test runs too long).
 * The message is fail2ban's, with the config dir's path taken out.
 */
public final class ConfigInvalidException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConfigInvalidException(String message) {
        super("config_invalid", Category.UNPROCESSABLE, message);
    }
}
