package org.bangui.adapters.fail2ban.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;

/**
 * The immutable result of one read. Jails are keyed by their names' strings: the first hashCode() of a record
 * (ConfigName) costs a bootstrap of tens of milliseconds, which a cold read would pay.
 */
record Snapshot(Map<String, JailConfig> jailsByName, Map<ConfigName, Lazy> filtersByName,
                Map<ConfigName, Lazy> actionsByName, Map<String, ConfigValue> jailDefaults,
                Map<String, ConfigValue> server) implements ConfigSnapshot {

    Snapshot {
        jailsByName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jailsByName));
        filtersByName = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(filtersByName));
        actionsByName = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(actionsByName));
        jailDefaults = Map.copyOf(jailDefaults);
        server = Map.copyOf(server);
    }

    @Override
    public List<JailSummary> jails() {
        return jailsByName.values().stream().map(j -> new JailSummary(j.name(), j.enabled(),
                j.effective().map(e -> e.filter()).orElseGet(() -> raw(j, "filter")), j.file())).toList();
    }

    private static String raw(JailConfig jail, String key) {
        ConfigValue value = jail.values().get(key);
        return value == null ? "" : value.value();
    }

    @Override
    public Optional<JailConfig> jail(ConfigName name) {
        return Optional.ofNullable(jailsByName.get(name.value()));
    }

    @Override
    public List<ConfigName> filters() {
        return List.copyOf(filtersByName.keySet());
    }

    @Override
    public Optional<DefinitionConfig> filter(ConfigName name) {
        return Optional.ofNullable(filtersByName.get(name)).map(Lazy::get);
    }

    @Override
    public List<ConfigName> actions() {
        return List.copyOf(actionsByName.keySet());
    }

    @Override
    public Optional<DefinitionConfig> action(ConfigName name) {
        return Optional.ofNullable(actionsByName.get(name)).map(Lazy::get);
    }

    /** A definition view built once, on first use, by whichever thread asks first. */
    static final class Lazy {
        private final java.util.function.Supplier<DefinitionConfig> build;
        private DefinitionConfig value;

        Lazy(java.util.function.Supplier<DefinitionConfig> build) {
            this.build = build;
        }

        synchronized DefinitionConfig get() {
            if (value == null) {
                value = build.get();
            }
            return value;
        }
    }
}
