package org.bangui.adapters.fail2ban.config;

/**
 * Why fail2ban cannot use a part of the configuration, in words that name files relative to the config dir only.
 * Mirrors the Python exceptions fail2ban's client lets through; the subclasses are the ones it catches.
 */
class ConfigError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigError(String message) {
        super(message, null, false, false);
    }

    /** configparser's NoSectionError. */
    static final class NoSection extends ConfigError {
        private static final long serialVersionUID = 1L;

        NoSection(String section) {
            super("No section: '" + section + "'");
        }
    }

    /** configparser's NoOptionError. */
    static final class NoOption extends ConfigError {
        private static final long serialVersionUID = 1L;

        NoOption(String option, String section) {
            super("No option '" + option + "' in section: '" + section + "'");
        }
    }

    /** A Python ValueError that fail2ban's readers catch (a bad number, a bad option syntax). */
    static final class BadValue extends ConfigError {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message);
        }
    }
}
