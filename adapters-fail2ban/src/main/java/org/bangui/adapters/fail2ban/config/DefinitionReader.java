package org.bangui.adapters.fail2ban.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * fail2ban's {@code DefinitionInitConfigReader} for one filter or action as one jail uses it: the
 * {@code [Definition]} options read with the jail's options and the reference's parameters as variables,
 * {@code [Init]} values as defaults ({@code known/<key>} too), and the combined options after {@code <tag>}
 * substitution.
 */
final class DefinitionReader {

    static final List<String> FILTER_OPTIONS =
            List.of("usedns", "prefregex", "ignoreregex", "failregex", "maxlines", "datepattern", "journalmatch");
    static final List<String> ACTION_OPTIONS = List.of("actionstart", "actionstart_on_demand", "actionstop",
            "actionflush", "actionreload", "actioncheck", "actionrepair", "actionrepair_on_unban", "actionban",
            "actionprolong", "actionreban", "actionunban", "norestored");
    private static final Pattern CONDITIONAL = Pattern.compile("^(\\w+)(\\?.+)$", Pattern.UNICODE_CHARACTER_CLASS);

    private final ConfigTree cfg;
    private final List<String> configOptions;
    private final Map<String, String> initOpts;
    private final Map<String, String> defCache = new HashMap<>();
    private Map<String, String> pOpts = Map.of();
    private Map<String, String> opts = new LinkedHashMap<>();

    DefinitionReader(ConfigTree cfg, List<String> configOptions, Map<String, String> parameters) {
        this.cfg = cfg;
        this.configOptions = configOptions;
        this.initOpts = new LinkedHashMap<>(parameters);
    }

    Map<String, String> initOptions() {
        return initOpts;
    }

    /** {@code applyAutoOptions}: the filter's {@code logtype} from the backend, unless set. */
    void applyAutoOptions(String backend) {
        String logtype = initOpts.get("logtype");
        if ((logtype == null || logtype.isEmpty()) && !cfg.hasOwnOption("Definition", "logtype")) {
            initOpts.put("logtype", backend.startsWith("systemd") ? "journal" : "file");
        }
    }

    /** {@code getOptions(pOpts, all)}. */
    void getOptions(Map<String, String> jailOptions, boolean all) {
        Map<String, String> vars = new LinkedHashMap<>(jailOptions);
        vars.putAll(initOpts);
        Map<String, String> lowered = ConfigTree.lowerKeys(vars);
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : configOptions) {
            if (vars.containsKey(name)) {
                continue;
            }
            if (!cfg.hasSection("Definition")) {
                found.put(name, null);
                continue;
            }
            try {
                String value = cfg.find("Definition", name, lowered, Map.of());
                if (value != null) {
                    found.put(name, value);
                }
                // else fail2ban leaves the option out (its default is None)
            } catch (ConfigError.BadValue e) {
                // fail2ban leaves the option out (its default is None)
            }
        }
        opts = found;
        pOpts = lowered;
        if (cfg.hasSection("Init")) {
            for (String option : cfg.ownOptions("Init")) {
                String value = null;
                if (!option.startsWith("known/")) {
                    value = cfg.get("Init", option);
                    initOpts.put("known/".concat(option), value);
                }
                if (!initOpts.containsKey(option)) {
                    initOpts.put(option, value != null ? value : cfg.get("Init", option));
                }
            }
        }
        if (all && cfg.hasSection("Definition")) {
            for (String option : cfg.optionsWithDefaults("Definition")) {
                if (!opts.containsKey(option)) {
                    opts.put(option, cfg.get("Definition", option));
                }
            }
        }
    }

    /** {@code getCombined}: options and init values with {@code <tag>} references substituted. */
    Map<String, String> combined(Set<String> ignoreIn) {
        Map<String, String> combined = new LinkedHashMap<>(opts);
        combined.putAll(initOpts);
        if (combined.isEmpty()) {
            return combined;
        }
        Set<String> ignore = new java.util.HashSet<>(ignoreIn);
        for (String name : combined.keySet()) {
            var cond = name.indexOf('?') > 0 ? CONDITIONAL.matcher(name) : null;
            if (cond != null && cond.matches()) {
                ignore.add(cond.group(1));
            }
        }
        Map<String, String> out = TagSubstitution.substitute(combined, ignore, this::combOption);
        String maxlines = out.get("maxlines");
        if (maxlines != null && configOptions.contains("maxlines")) {
            try {
                out.put("maxlines", Py.pyInt(maxlines));
            } catch (ConfigError.BadValue e) {
                out.put("maxlines", null);
            }
        }
        return out;
    }

    /** {@code getCombOption}: a Definition option read with the variables, remembered. */
    private String combOption(String name) {
        if (defCache.containsKey(name)) {
            return defCache.get(name);
        }
        String value;
        try {
            value = cfg.findEx("Definition", name, pOpts);
        } catch (ConfigError.BadValue e) {
            value = null;
        }
        defCache.put(name, value);
        return value;
    }
}
