package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigValue;

/**
 * A family of files merged as fail2ban's {@code SafeConfigParserWithIncludes.read} merges them: {@code [DEFAULT]}
 * and every section key by key in read order, conditional sections ({@code [Init?family=inet6]}) folded into
 * their base section with suffixed keys, and the value each overridden key had before kept in a
 * {@code KNOWN/<section>} section for {@code %(known/key)s}. Not changed after {@link #merge}.
 */
final class ConfigTree {

    private static final Pattern CONDITIONAL = Pattern.compile("^(\\w+)(\\?.+)$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SECTION_OPTION =
            Pattern.compile("^([\\w\\-]+)/([^\\s>]+)$", Pattern.UNICODE_CHARACTER_CLASS);

    final Map<String, ConfigValue> defaults = new LinkedHashMap<>();
    final Map<String, Map<String, ConfigValue>> sections = new LinkedHashMap<>();
    final Map<String, ConfigFile> firstFile = new LinkedHashMap<>();
    final List<ConfigFile> files = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    private Map<String, String> staticDefaults = Map.of();

    /** Merges one parsed file over what was read before. */
    void merge(IniFile ini) {
        if (!files.contains(ini.file())) {
            files.add(ini.file());
        }
        ini.error().ifPresent(errors::add);
        defaults.putAll(ini.defaults());
        for (Map.Entry<String, Map<String, ConfigValue>> entry : ini.sections().entrySet()) {
            String name = entry.getKey();
            Map<String, ConfigValue> section = entry.getValue();
            Matcher cond = CONDITIONAL.matcher(name);
            if (cond.matches()) {
                name = cond.group(1);
                Map<String, ConfigValue> renamed = new LinkedHashMap<>();
                for (Map.Entry<String, ConfigValue> option : section.entrySet()) {
                    renamed.put(option.getKey() + cond.group(2), option.getValue());
                }
                section = renamed;
            }
            firstFile.putIfAbsent(name, ini.file());
            Map<String, ConfigValue> existing = sections.get(name);
            if (existing == null) {
                sections.put(name, new LinkedHashMap<>(section));
            } else {
                Map<String, ConfigValue> known = sections.computeIfAbsent("KNOWN/" + name, k -> new LinkedHashMap<>());
                for (String key : section.keySet()) {
                    if (existing.containsKey(key)) {
                        known.put(key, existing.get(key));
                    }
                }
                existing.putAll(section);
            }
        }
    }

    /** Values fail2ban adds to {@code [DEFAULT]} before it reads jails (they win over the files). */
    void setStaticDefaults(Map<String, String> values) {
        staticDefaults = Map.copyOf(values);
    }

    /** The sections fail2ban lists: every section but the {@code KNOWN/} ones, in read order. */
    List<String> sectionNames() {
        return sections.keySet().stream().filter(n -> !n.startsWith("KNOWN/")).toList();
    }

    boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    boolean hasOwnOption(String section, String option) {
        Map<String, ConfigValue> s = sections.get(section);
        return s != null && s.containsKey(option);
    }

    /** The section's own keys, in order. */
    List<String> ownOptions(String section) {
        Map<String, ConfigValue> s = sections.get(section);
        if (s == null) {
            throw new ConfigError.NoSection(section);
        }
        return List.copyOf(s.keySet());
    }

    /** Own keys then {@code [DEFAULT]} keys, each once. */
    List<String> optionsWithDefaults(String section) {
        Set<String> all = new LinkedHashSet<>(ownOptions(section));
        all.addAll(defaults.keySet());
        all.addAll(staticDefaults.keySet());
        return List.copyOf(all);
    }

    /** The raw value in {@code [DEFAULT]}, static values first. */
    String rawDefault(String option) {
        String value = staticDefaults.get(option);
        if (value != null) {
            return value;
        }
        ConfigValue v = defaults.get(option);
        return v == null ? null : v.value();
    }

    /** A raw value of one section only, or null. */
    String rawOwn(String section, String option) {
        Map<String, ConfigValue> s = sections.get(section);
        ConfigValue v = s == null ? null : s.get(option);
        return v == null ? null : v.value();
    }

    /**
     * configparser's {@code get(section, option, vars=vars)}: looked up in {@code vars}, then {@code overlay}
     * (keys merged into the section at run time), the section, {@code [DEFAULT]}; then interpolated.
     */
    String get(String section, String option, Map<String, String> vars, Map<String, String> overlay) {
        Lookup lookup = lookup(section, vars, overlay);
        String key = option.toLowerCase(Locale.ROOT);
        String value = lookup.find(key);
        if (value == null) {
            throw new ConfigError.NoOption(key, section);
        }
        return Interpolation.interpolate(this, section, key, value, lookup);
    }

    String get(String section, String option) {
        return get(section, option, Map.of(), Map.of());
    }

    /** fail2ban's {@code get_ex}: {@code section/option} names read from that section ({@code known/}: KNOWN). */
    String getEx(String section, String option, Map<String, String> vars) {
        Matcher sopt = option.contains("/") ? SECTION_OPTION.matcher(option) : null;
        if (sopt != null && sopt.find()) {
            String sec = sopt.group(1);
            String opt = sopt.group(2);
            String lower = sec.toLowerCase(Locale.ROOT);
            List<String> candidates = lower.equals("known") ? List.of("KNOWN/" + section, section)
                    : List.of(lower.equals("default") ? IniFile.DEFAULT : sec);
            for (String candidate : candidates) {
                try {
                    return get(candidate, opt);
                } catch (ConfigError.NoSection | ConfigError.NoOption e) {
                    // fail2ban tries the next candidate, then the plain option
                }
            }
        }
        return get(section, option, vars, Map.of());
    }

    Lookup lookup(String section, Map<String, String> vars, Map<String, String> overlay) {
        Map<String, ConfigValue> own = sections.get(section);
        if (own == null && !section.equals(IniFile.DEFAULT)) {
            throw new ConfigError.NoSection(section);
        }
        Map<String, ConfigValue> sectionMap = own == null ? Map.of() : own;
        Map<String, String> lowered = vars;
        if (vars.keySet().stream().anyMatch(k -> !k.equals(k.toLowerCase(Locale.ROOT)))) {
            lowered = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : vars.entrySet()) {
                lowered.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
            }
        }
        Map<String, String> chain = lowered;
        return key -> {
            String v = chain.get(key);
            if (v != null) {
                return v;
            }
            v = overlay.get(key);
            if (v != null) {
                return v;
            }
            ConfigValue cv = sectionMap.get(key);
            return cv != null ? cv.value() : rawDefault(key);
        };
    }

    /** A chain of maps as configparser builds one for a lookup. */
    @FunctionalInterface
    interface Lookup {
        /** The raw value of a lower-case key, or null. */
        String find(String key);
    }

    Optional<String> firstError() {
        return errors.stream().findFirst();
    }
}
