package org.bangui.domain.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One jail as configured.
 *
 * @param name the jail
 * @param enabled its effective {@code enabled}
 * @param file the file that defines its section first
 * @param values every key the jail's section sees (its own and {@code [DEFAULT]}'s), with the winning
 *               definition of each; keys are lower case, as fail2ban reads them
 * @param effective what fail2ban would run for it; empty when fail2ban could not run it (a missing filter, an
 *                  interpolation that fails), with the reason in {@code problem}
 * @param problem why there is no effective view, in fail2ban's words; empty otherwise
 */
public record JailConfig(ConfigName name, boolean enabled, ConfigFile file, Map<String, ConfigValue> values,
                         Optional<EffectiveJail> effective, Optional<String> problem) {

    public JailConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        values = Map.copyOf(values);
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(problem, "problem");
    }
}
