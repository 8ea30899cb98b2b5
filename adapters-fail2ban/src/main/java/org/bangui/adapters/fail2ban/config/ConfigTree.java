package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Map<String, String>> plain = new ConcurrentHashMap<>();

    /** Merges one parsed file over what was read before. */
    void merge(IniFile ini) {
        if (!hasFile(ini.file())) {
            files.add(ini.file());
        }
        if (ini.error().isPresent()) {
            errors.add(ini.error().get());
        }
        defaults.putAll(ini.defaults());
        for (Map.Entry<String, Map<String, ConfigValue>> entry : ini.sections().entrySet()) {
            String name = entry.getKey();
            Map<String, ConfigValue> section = entry.getValue();
            Matcher cond = name.indexOf('?') > 0 ? CONDITIONAL.matcher(name) : null;
            if (cond != null && cond.matches()) {
                name = cond.group(1);
                Map<String, ConfigValue> renamed = new LinkedHashMap<>();
                for (Map.Entry<String, ConfigValue> option : section.entrySet()) {
                    renamed.put(option.getKey().concat(cond.group(2)), option.getValue());
                }
                section = renamed;
            }
            firstFile.putIfAbsent(name, ini.file());
            Map<String, ConfigValue> existing = sections.get(name);
            if (existing == null) {
                sections.put(name, new LinkedHashMap<>(section));
            } else {
                Map<String, ConfigValue> known = sections.get("KNOWN/".concat(name));
                if (known == null) {
                    known = new LinkedHashMap<>();
                    sections.put("KNOWN/".concat(name), known);
                }
                for (String key : section.keySet()) {
                    if (existing.containsKey(key)) {
                        known.put(key, existing.get(key));
                    }
                }
                existing.putAll(section);
            }
        }
    }

    /** Compares paths, not records: a record's first equals() costs a bootstrap, noticeable on a cold read. */
    private boolean hasFile(ConfigFile file) {
        for (ConfigFile known : files) {
            if (known.path().equals(file.path())) {
                return true;
            }
        }
        return false;
    }

    /** Values fail2ban adds to {@code [DEFAULT]} before it reads jails (they win over the files). */
    void setStaticDefaults(Map<String, String> values) {
        staticDefaults = Map.copyOf(values);
        plain.clear();
    }

    /** The sections fail2ban lists: every section but the {@code KNOWN/} ones, in read order. */
    List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (String name : sections.keySet()) {
            if (!name.startsWith("KNOWN/")) {
                names.add(name);
            }
        }
        return List.copyOf(names);
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
     * configparser's {@code get(section, option, vars=vars)}: looked up in {@code vars} (keys in lower case, see
     * {@link #lowerKeys}), then {@code overlay} (keys merged into the section at run time), the section,
     * {@code [DEFAULT]}; then interpolated.
     */
    String get(String section, String option, Map<String, String> vars, Map<String, String> overlay) {
        String value = find(section, option, vars, overlay);
        if (value == null) {
            throw new ConfigError.NoOption(option.toLowerCase(Locale.ROOT), section);
        }
        return value;
    }

    /** {@link #get(String, String, Map, Map)}, but null where it throws {@link ConfigError.NoOption}. */
    String find(String section, String option, Map<String, String> vars, Map<String, String> overlay) {
        Lookup lookup = lookup(section, vars, overlay);
        String key = option.toLowerCase(Locale.ROOT);
        String value = lookup.find(key);
        return value == null ? null : Interpolation.interpolate(this, section, key, value, lookup);
    }

    /** {@code get(section, option)} without variables: remembered, as the tree no longer changes once read. */
    String get(String section, String option) {
        String value = findPlain(section, option);
        if (value == null) {
            throw new ConfigError.NoOption(option.toLowerCase(Locale.ROOT), section);
        }
        return value;
    }

    /** {@link #get(String, String)}, but null where it throws {@link ConfigError.NoOption}. */
    String findPlain(String section, String option) {
        Map<String, String> cached = plain.get(section);
        String key = option.toLowerCase(Locale.ROOT);
        String value = cached == null ? null : cached.get(key);
        if (value == null) {
            value = find(section, key, Map.of(), Map.of());
            if (value != null) {
                if (cached == null) {
                    cached = new ConcurrentHashMap<>();
                    Map<String, String> raced = plain.putIfAbsent(section, cached);
                    cached = raced != null ? raced : cached;
                }
                cached.put(key, value);
            }
        }
        return value;
    }

    /**
     * fail2ban's {@code get_ex}, or null where it raises NoSectionError or NoOptionError: {@code section/option}
     * names read from that section ({@code known/}: KNOWN, then the section), else the plain option.
     */
    String findEx(String section, String option, Map<String, String> vars) {
        Matcher sopt = option.indexOf('/') >= 0 ? SECTION_OPTION.matcher(option) : null;
        if (sopt != null && sopt.find()) {
            String sec = sopt.group(1);
            String opt = sopt.group(2);
            String lower = sec.toLowerCase(Locale.ROOT);
            if (lower.equals("known")) {
                String value = findIn("KNOWN/".concat(section), opt);
                if (value != null) {
                    return value;
                }
                value = findIn(section, opt);
                if (value != null) {
                    return value;
                }
            } else {
                // fail2ban tries the section, then the plain option
                String value = findIn(lower.equals("default") ? IniFile.DEFAULT : sec, opt);
                if (value != null) {
                    return value;
                }
            }
        }
        if (!hasSection(section) && !section.equals(IniFile.DEFAULT)) {
            return null;
        }
        return find(section, option, vars, Map.of());
    }

    private String findIn(String section, String option) {
        return hasSection(section) || section.equals(IniFile.DEFAULT) ? findPlain(section, option) : null;
    }

    Lookup lookup(String section, Map<String, String> vars, Map<String, String> overlay) {
        Map<String, ConfigValue> own = sections.get(section);
        if (own == null && !section.equals(IniFile.DEFAULT)) {
            throw new ConfigError.NoSection(section);
        }
        Map<String, ConfigValue> sectionMap = own == null ? Map.of() : own;
        return key -> {
            String v = vars.get(key);
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

    /**
     * The variables with their keys in lower case, as configparser looks them up; {@code vars} itself when they
     * are already. Callers lower them once, not on every lookup (this was a tenth of a read).
     */
    static Map<String, String> lowerKeys(Map<String, String> vars) {
        if (allLowerCase(vars.keySet())) {
            return vars;
        }
        Map<String, String> lowered = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : vars.entrySet()) {
            lowered.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
        return lowered;
    }

    private static boolean allLowerCase(Set<String> keys) {
        for (String key : keys) {
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c >= 'A' && c <= 'Z' || c >= 0x80 && !key.equals(key.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A chain of maps as configparser builds one for a lookup. */
    @FunctionalInterface
    interface Lookup {
        /** The raw value of a lower-case key, or null. */
        String find(String key);
    }

}
