package org.bangui.application.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.shared.InvalidInputException;

/**
 * What BanGUI accepts as a key and a value before anything is written. fail2ban reads values with Python's
 * configparser and evaluates some of them, so the rules are tight: no line breaks but in multi-line keys, no
 * control character, nothing that would read as a comment or a section header, {@code %} only as {@code %%} or a
 * reference to a key that exists, and per-key formats (integers, durations, booleans) instead of anything
 * fail2ban would evaluate as an expression.
 */
final class ConfigValues {

    /** The longest value accepted, in characters. */
    static final int MAX_VALUE = 16 * 1024;
    /** The most keys one request may change. */
    static final int MAX_KEYS = 64;

    /** Lower case, as fail2ban stores keys; not {@code __name__} and its kind, which fail2ban sets itself. */
    private static final Pattern KEY = Pattern.compile("(?!__)[a-z0-9_][a-z0-9_.-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("%(?:%|\\(([^)]{1,80})\\)s)");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s;");
    private static final Pattern HEADER = Pattern.compile("\\s*\\[[^\\]]*]\\s*");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern DURATION = Pattern.compile(
            "-1|\\d{1,10}|(\\d{1,6}(\\.\\d{1,3})?\\s?(years?|yy?|months?|mo|weeks?|w|days?|d|hours?|hh?|minutes?"
                    + "|mm?|seconds?|ss?)\\s?){1,6}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off|1|0");
    private static final Pattern MULTIPLIERS = Pattern.compile("\\d{1,6}( \\d{1,6}){0,31}");
    private static final Set<String> MULTI_LINE = Set.of("failregex", "ignoreregex", "logpath", "action",
            "ignoreip", "journalmatch", "ignorecommand");
    /** Keys fail2ban evaluates as Python: never written through BanGUI. */
    private static final Set<String> EXPRESSIONS = Set.of("bantime.formula", "bantime.factor.formula");

    private static final Map<String, Predicate<String>> FORMATS = Map.ofEntries(
            Map.entry("maxretry", INTEGER.asMatchPredicate()),
            Map.entry("maxlines", INTEGER.asMatchPredicate()),
            Map.entry("maxmatches", INTEGER.asMatchPredicate()),
            Map.entry("bantime", DURATION.asMatchPredicate()),
            Map.entry("findtime", DURATION.asMatchPredicate()),
            Map.entry("dbpurgeage", DURATION.asMatchPredicate()),
            Map.entry("bantime.maxtime", DURATION.asMatchPredicate()),
            Map.entry("bantime.rndtime", DURATION.asMatchPredicate()),
            Map.entry("bantime.factor", DECIMAL.asMatchPredicate()),
            Map.entry("bantime.multipliers", MULTIPLIERS.asMatchPredicate()),
            Map.entry("bantime.increment", BOOLEAN.asMatchPredicate()),
            Map.entry("bantime.overalljails", BOOLEAN.asMatchPredicate()),
            Map.entry("enabled", BOOLEAN.asMatchPredicate()),
            Map.entry("ignoreself", BOOLEAN.asMatchPredicate()),
            Map.entry("backend", Pattern.compile("auto|polling|pyinotify|systemd(\\[[A-Za-z0-9_=, \"'.-]{0,200}])?")
                    .asMatchPredicate()),
            Map.entry("usedns", Pattern.compile("yes|warn|no|raw").asMatchPredicate()),
            // names fail2ban turns into file paths (filter.d/NAME.conf, action.d/NAME.conf): never a path
            Map.entry("filter", ConfigValues::isDefinitionReference),
            Map.entry("banaction", ConfigValues::isDefinitionReference),
            Map.entry("banaction_allports", ConfigValues::isDefinitionReference),
            Map.entry("action", value -> value.lines().allMatch(ConfigValues::isDefinitionReference)));

    /** A filter or action file name ({@code sshd}, {@code iptables-multiport}) or an interpolation reference. */
    private static final Pattern DEFINITION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern REFERENCE_START = Pattern.compile("%\\([A-Za-z0-9_./-]{1,80}\\)s.*");

    private ConfigValues() {
    }

    /**
     * An action or filter as a jail names it: {@code name}, {@code name[params]}, a {@code %(ref)s} that
     * interpolation turns into one, or empty (no filter). The name must be a plain file name: fail2ban joins it to
     * {@code filter.d/} or {@code action.d/}, so {@code ../} or {@code /} would load a file from elsewhere.
     */
    static boolean isDefinitionReference(String value) {
        String text = value.strip();
        if (text.isEmpty() || REFERENCE_START.matcher(text).matches()) {
            return true;
        }
        int bracket = text.indexOf('[');
        String name = bracket < 0 ? text : text.substring(0, bracket);
        return DEFINITION_NAME.matcher(name).matches() && !name.contains("..")
                && (bracket < 0 || text.endsWith("]"));
    }

    /**
     * The key as fail2ban stores it, checked: lower case, allow-listed; {@code init/<key>} for filter and action
     * parameters.
     */
    static String key(ConfigKind kind, String raw) {
        String key = raw == null ? "" : raw;
        String plain = kind != ConfigKind.JAIL && key.startsWith("init/") ? key.substring("init/".length()) : key;
        if (!KEY.matcher(plain).matches()) {
            throw new InvalidInputException("invalid_key",
                    "keys are 1-64 characters of a-z 0-9 _ . - (lower case), starting with a letter, digit or _");
        }
        if (EXPRESSIONS.contains(plain)) {
            throw new InvalidInputException("invalid_key", "'" + plain + "' is evaluated by fail2ban as code and "
                    + "is not edited through BanGUI");
        }
        return key;
    }

    /**
     * Checks a value for {@code key}.
     *
     * @param known whether a key of that name may be referenced as {@code %(name)s}
     * @return the value as it will be written: multi-line values with one entry per line, trimmed
     */
    static String value(String key, String raw, Predicate<String> known) {
        if (raw.length() > MAX_VALUE) {
            throw invalid(key, "is longer than " + MAX_VALUE + " characters");
        }
        String plain = key.startsWith("init/") ? key.substring("init/".length()) : key;
        boolean multiLine = MULTI_LINE.contains(plain) || plain.startsWith("action");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' ? !multiLine : (c < 0x20 && c != '\t') || c == 0x7f) {
                throw invalid(key, multiLine ? "contains a control character"
                        : "must be one line without control characters");
            }
        }
        String value = multiLine ? lines(key, raw) : raw.strip();
        if (value.contains("<F2B_END_COMMAND>") || value.contains("<F2B_CLOSE_COMMAND>")) {
            throw invalid(key, "contains a marker of fail2ban's socket protocol");
        }
        for (String line : value.split("\n")) {
            if (HEADER.matcher(line).matches()) {
                throw invalid(key, "has a line that reads as a section header");
            }
        }
        if (INLINE_COMMENT.matcher(value).find()) {
            throw invalid(key, "contains ' ;', which fail2ban reads as the start of a comment");
        }
        references(key, value, known);
        Predicate<String> format = FORMATS.get(plain);
        if (format != null && !format.test(value)) {
            throw invalid(key, "is not in the format fail2ban expects for it");
        }
        return value;
    }

    private static String lines(String key, String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith("#") || entry.startsWith(";") || entry.startsWith("[")) {
                throw invalid(key, "has a line starting with '#', ';' or '[', which fail2ban would not read as "
                        + "part of the value");
            }
            out.append(out.isEmpty() ? "" : "\n").append(entry);
        }
        return out.toString();
    }

    private static void references(String key, String value, Predicate<String> known) {
        Matcher m = REFERENCE.matcher(value);
        int at = 0;
        while (m.find()) {
            if (value.substring(at, m.start()).indexOf('%') >= 0) {
                throw invalid(key, "has a '%' that is neither '%%' nor a reference such as %(name)s");
            }
            String name = m.group(1);
            if (name != null && !known.test(name.toLowerCase(Locale.ROOT))) {
                throw invalid(key, "refers to '" + printable(name) + "', which is not defined");
            }
            at = m.end();
        }
        if (value.substring(at).indexOf('%') >= 0) {
            throw invalid(key, "has a '%' that is neither '%%' nor a reference such as %(name)s");
        }
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static InvalidInputException invalid(String key, String why) {
        return new InvalidInputException("invalid_value", "'" + key + "' " + why);
    }
}
