package org.bangui.domain.config;

/** Reads fail2ban's configuration directory exactly as fail2ban reads it. */
public interface ConfigReadPort {

    /**
     * Parses the whole directory now.
     *
     * @throws ConfigUnreadableException if the directory cannot be read at all
     */
    ConfigSnapshot read();
}
