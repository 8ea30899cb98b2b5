package org.bangui.adapters.fail2ban.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.DefinitionConfig;

/** Builds a filter's or an action's {@link DefinitionConfig} from its merged files, without jail parameters. */
final class DefinitionView {

    private DefinitionView() {
    }

    static DefinitionConfig of(ConfigKind kind, ConfigName name, ConfigTree tree) {
        Map<String, ConfigValue> values = new LinkedHashMap<>(tree.sections.getOrDefault("Definition", Map.of()));
        tree.sections.getOrDefault("Init", Map.of()).forEach((k, v) -> values.put("init/" + k, v));
        Map<String, String> effective = new LinkedHashMap<>();
        for (String key : tree.sections.getOrDefault("Definition", Map.of()).keySet()) {
            try {
                effective.put(key, tree.get("Definition", key));
            } catch (ConfigError | StackOverflowError e) {
                // a value fail2ban could not interpolate has no effective form
            }
        }
        Map<String, List<String>> regexes = new LinkedHashMap<>();
        if (kind == ConfigKind.FILTER) {
            effective.remove("failregex");
            effective.remove("ignoreregex");
            effective.remove("prefregex");
            regexes.put("failregex", List.of());
            regexes.put("ignoreregex", List.of());
            try {
                DefinitionReader reader = new DefinitionReader(tree, DefinitionReader.FILTER_OPTIONS, Map.of());
                reader.applyAutoOptions("auto");
                Map<String, String> jail = Map.of("enabled", "True", "backend", "auto", "filter", name.value());
                reader.getOptions(jail, true);
                reader.getOptions(jail, false);
                Map<String, String> combined = reader.combined(Set.of());
                regexes.put("failregex", lines(combined.get("failregex")));
                regexes.put("ignoreregex", lines(combined.get("ignoreregex")));
                String prefregex = combined.get("prefregex");
                regexes.put("prefregex", prefregex == null || prefregex.isBlank() ? List.of() : List.of(prefregex));
            } catch (ConfigError | StackOverflowError e) {
                // no regexes: the jails that use this filter carry the problem
            }
        }
        return new DefinitionConfig(kind, name, tree.files, values, effective, regexes);
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : Py.lines(value).stream().filter(s -> !s.isEmpty()).toList();
    }
}
