package org.bangui.domain.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filter or an action as configured, read with its own {@code [Init]} defaults (no jail parameters).
 *
 * @param kind {@link ConfigKind#FILTER} or {@link ConfigKind#ACTION}
 * @param name its name (the file name without extension)
 * @param files the files that define it, in the order fail2ban reads them (includes first)
 * @param values every key of its {@code [Definition]} section by plain name, and of its {@code [Init]} section
 *               as {@code init/<key>}, with the winning definition of each
 * @param effective the {@code [Definition]} values after interpolation; for a filter the multi-line keys
 *                  {@code failregex} and {@code ignoreregex} are in {@code regexes} instead
 * @param regexes for a filter: {@code failregex} and {@code ignoreregex}, one regex per entry, and
 *                {@code prefregex} (one entry, or none); empty for an action
 */
public record DefinitionConfig(ConfigKind kind, ConfigName name, List<ConfigFile> files,
                               Map<String, ConfigValue> values, Map<String, String> effective,
                               Map<String, List<String>> regexes) {

    public DefinitionConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        values = Map.copyOf(values);
        effective = Map.copyOf(effective);
        regexes = Map.copyOf(regexes);
    }
}
