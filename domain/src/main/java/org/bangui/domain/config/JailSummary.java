package org.bangui.domain.config;

import java.util.Objects;

/**
 * A jail defined in the configuration, enabled or not.
 *
 * @param name the jail's section name
 * @param enabled its effective {@code enabled}
 * @param filter its effective {@code filter}, with parameters as written ({@code sshd[mode=aggressive]})
 * @param file the file that defines its section first
 */
public record JailSummary(ConfigName name, boolean enabled, String filter, ConfigFile file) {

    public JailSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(file, "file");
    }
}
