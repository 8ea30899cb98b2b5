package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.EffectiveJail;

/**
 * fail2ban's {@code JailReader.getOptions} and {@code convert} for one jail, as if it were enabled: its options,
 * its filter read with the jail's options and parameters, the filter's options merged back as
 * {@code known/<key>}, its options read again, its actions, and the values {@code fail2ban-client -d} sends.
 */
final class JailBuilder {

    private static final List<String> FIRST = List.of("enabled", "backend", "filter");
    private static final List<String> OPTIONS = List.of("enabled", "backend", "maxretry", "maxmatches", "findtime",
            "bantime", "bantime.increment", "bantime.factor", "bantime.formula", "bantime.multipliers",
            "bantime.maxtime", "bantime.rndtime", "bantime.overalljails", "ignorecommand", "ignoreself", "ignoreip",
            "ignorecache", "filter", "logtimezone", "logencoding", "logpath", "action", "usedns", "prefregex",
            "ignoreregex", "failregex", "maxlines", "datepattern", "journalmatch");
    private static final Set<String> INTS = Set.of("maxretry", "maxmatches", "maxlines");
    private static final Set<String> BOOLS = Set.of("enabled", "bantime.increment", "bantime.overalljails",
            "ignoreself");
    private static final Set<String> ACTION_IGNORED = Set.of("matches", "ipmatches", "ipjailmatches", "timeout",
            "bantime");

    private final FileSource source;
    private final ConfigTree jails;
    private final String name;
    private final Map<String, String> overlay = new LinkedHashMap<>();
    private Map<String, String> firstValues;

    JailBuilder(FileSource source, ConfigTree jails, String name) {
        this.source = source;
        this.jails = jails;
        this.name = name;
    }

    /** The first options ({@code enabled}, {@code backend}, {@code filter}), as Python strings. */
    Map<String, String> firstOptions() {
        if (firstValues == null) {
            firstValues = options(FIRST);
        }
        return firstValues;
    }

    /** What fail2ban would send for the jail; throws {@link ConfigError} when it could not build it. */
    EffectiveJail build() {
        if (!jails.errors.isEmpty()) {
            throw new ConfigError(jails.errors.get(0));
        }
        Map<String, String> first = firstOptions();
        String filterRef = first.get("filter");
        DefinitionReader filter = null;
        if (filterRef != null && !filterRef.isEmpty()) {
            Options.Reference ref;
            try {
                ref = Options.extract(filterRef);
            } catch (ConfigError.BadValue e) {
                throw new ConfigError("Invalid filter definition '" + filterRef + "': " + e.getMessage());
            }
            Optional<ConfigTree> found = definition("filter.d", ref.name());
            if (found.isEmpty()) {
                throw new ConfigError("Unable to read the filter '" + ref.name() + "'");
            }
            ConfigTree tree = found.get();
            filter = new DefinitionReader(tree, DefinitionReader.FILTER_OPTIONS, ref.options());
            filter.applyAutoOptions(first.getOrDefault("backend", ""));
            filter.getOptions(first, true);
            for (Map.Entry<String, String> option : filter.combined(Set.of()).entrySet()) {
                String k = option.getKey();
                if (!k.startsWith("known/") && !k.equals("__name__")) {
                    overlay.put("known/".concat(k), option.getValue());
                }
            }
        }
        Map<String, String> opts = options(OPTIONS);
        List<String> failregex = new ArrayList<>();
        List<String> ignoreregex = new ArrayList<>();
        String prefregex = null;
        if (filter != null) {
            filter.getOptions(opts, false);
            Map<String, String> combined = filter.combined(Set.of());
            regexes(combined.get("failregex"), failregex);
            regexes(combined.get("ignoreregex"), ignoreregex);
            prefregex = combined.get("prefregex");
        }
        // the jail's own prefregex is sent after the filter's and replaces it
        if (opts.get("prefregex") != null) {
            prefregex = opts.get("prefregex");
        }
        regexes(opts.get("failregex"), failregex);
        regexes(opts.get("ignoreregex"), ignoreregex);
        List<String> actions = actions(opts);
        String backend = opts.getOrDefault("backend", "auto");
        List<String> logpath = new ArrayList<>();
        if (opts.get("logpath") != null && !backend.startsWith("systemd")) {
            for (String line : Py.lines(opts.get("logpath"))) {
                int space = line.lastIndexOf(' ');
                logpath.addAll(LogGlob.expand(space >= 0 ? line.substring(0, space) : line));
            }
        }
        String maxretry = opts.get("maxretry");
        if (opts.containsKey("maxretry") && maxretry == null) {
            throw new ConfigError("maxretry is not a number");
        }
        return new EffectiveJail(backend, filterRef == null ? "" : filterRef, logpath,
                maxretry == null ? 3 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                        Long.parseLong(maxretry))),
                opts.getOrDefault("findtime", "600"), opts.getOrDefault("bantime", "600"), actions, failregex,
                ignoreregex, Options.words(opts.get("ignoreip")),
                Optional.ofNullable(prefregex).filter(p -> !p.isBlank()));
    }

    private List<String> actions(Map<String, String> opts) {
        List<String> names = new ArrayList<>();
        for (String act : Options.split(opts.getOrDefault("action", ""))) {
            act = Py.strip(act);
            if (act.isEmpty()) {
                continue;
            }
            Options.Reference ref;
            try {
                ref = Options.extract(act);
            } catch (ConfigError.BadValue e) {
                throw new ConfigError("Invalid action definition '" + act + "': " + e.getMessage());
            }
            Map<String, String> params = new LinkedHashMap<>(ref.options());
            String actName = ref.name();
            if (actName.endsWith(".py")) {
                String actname = params.remove("actname");
                names.add(actname != null ? actname : actName.substring(0, actName.length() - 3));
                continue;
            }
            String n = params.get("name");
            if (n == null) {
                n = name;
                params.put("name", n);
            }
            String actname = params.get("actname");
            if (actname == null) {
                actname = actName;
                if (!n.equals(name)) {
                    actname = actname.concat(n.startsWith(name) ? n.substring(name.length()) : "-".concat(n));
                }
                params.put("actname", actname);
            }
            Optional<ConfigTree> found = definition("action.d", actName);
            if (found.isEmpty()) {
                throw new ConfigError("Unable to read action '" + actName + "'");
            }
            ConfigTree tree = found.get();
            DefinitionReader action = new DefinitionReader(tree, DefinitionReader.ACTION_OPTIONS, params);
            try {
                if (!tree.errors.isEmpty()) {
                    throw new ConfigError(tree.errors.get(0));
                }
                action.getOptions(opts, false);
                action.combined(ACTION_IGNORED);
            } catch (ConfigError e) {
                throw new ConfigError("Error in action definition '" + act + "': " + e.getMessage());
            }
            names.add(actname);
        }
        return names;
    }

    private Optional<ConfigTree> definition(String dir, String refName) {
        try {
            ConfigName.of(refName);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<ConfigTree> tree = source.family(dir.concat("/").concat(refName));
        if (tree.isPresent() && !tree.get().errors.isEmpty()) {
            throw new ConfigError(tree.get().errors.get(0));
        }
        return tree;
    }

    private static void regexes(String value, List<String> out) {
        if (value == null) {
            return;
        }
        for (String regex : Py.lines(value)) {
            if (!regex.isEmpty()) {
                out.add(regex);
            }
        }
    }

    /** {@code ConfigReader.getOptions(jail, options)} with fail2ban's conversions, as Python strings. */
    private Map<String, String> options(List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String option : names) {
            String value = jails.find(name, option, Map.of(), overlay);
            if (value == null) {
                switch (option) {
                    case "enabled" -> values.put(option, "False");
                    case "backend" -> values.put(option, "auto");
                    case "filter", "action" -> values.put(option, "");
                    default -> { }
                }
                continue;
            }
            if (BOOLS.contains(option)) {
                value = Py.asBool(value) ? "True" : "False";
            } else if (INTS.contains(option)) {
                try {
                    value = Py.pyInt(value);
                } catch (ConfigError.BadValue e) {
                    value = null;
                }
            }
            values.put(option, value);
        }
        return values;
    }
}
