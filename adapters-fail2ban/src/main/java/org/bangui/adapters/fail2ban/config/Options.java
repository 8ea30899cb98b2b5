package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fail2ban's helpers for {@code name[key=val, key2="v,al"]} references ({@code extractOptions},
 * {@code splitWithOptions}) and for word lists ({@code splitwords}), with fail2ban's own regular expressions.
 */
final class Options {

    private static final Pattern OPTION = Pattern.compile("^([^\\[]+)(?:\\[(.*)\\])?\\s*$", Pattern.DOTALL);
    private static final Pattern EXTRACT = Pattern.compile(
            "\\s*([\\w\\-_.]+)=(?:\"([^\"]*)\"|'([^']*)'|([^,\\]]*))(?:,|\\]\\s*\\[|$|(?<wrngA>.+))|,?\\s*$"
                    + "|(?<wrngB>.+)", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPLIT = Pattern.compile(
            "(?:[^\\[\\s]+(?:\\s*\\[\\s*(?:[\\w\\-_.]+=(?:\"[^\"]*\"|'[^']*'|[^,\\]]*)\\s*(?:,|\\]\\s*\\[)?\\s*)*\\])?"
                    + "\\s*|\\S+)(?=\\n\\s*|\\s+|$)", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORDS = Pattern.compile("[ ,\n]+");

    private Options() {
    }

    /** A reference split into its name and its parameters. */
    record Reference(String name, Map<String, String> options) {
    }

    /** {@code extractOptions}; throws {@link ConfigError.BadValue} on a syntax fail2ban refuses. */
    static Reference extract(String option) {
        Matcher m = OPTION.matcher(option);
        if (!m.find()) {
            throw new ConfigError.BadValue("unexpected option syntax");
        }
        Map<String, String> options = new LinkedHashMap<>();
        String body = m.group(2);
        if (body != null && !body.isEmpty()) {
            Matcher opt = EXTRACT.matcher(body);
            while (opt.find()) {
                if (opt.group("wrngA") != null) {
                    throw new ConfigError.BadValue("unexpected syntax at " + opt.start("wrngA") + " after option '"
                            + opt.group(1) + "': " + head(opt.group("wrngA")));
                }
                if (opt.group("wrngB") != null) {
                    throw new ConfigError.BadValue("expected option, wrong syntax at " + opt.start("wrngB") + ": "
                            + head(opt.group("wrngB")));
                }
                String key = opt.group(1);
                if (key == null || key.isEmpty()) {
                    continue;
                }
                String value = opt.group(2) != null ? opt.group(2) : opt.group(3) != null ? opt.group(3) : opt.group(4);
                options.put(Py.strip(key), Py.strip(value));
            }
        }
        return new Reference(m.group(1), options);
    }

    /** {@code splitWithOptions}: the references of a multi-line value, keeping {@code [...]} together. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = SPLIT.matcher(value);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** {@code splitwords}: words split on spaces, commas and new lines, empty ones left out. */
    static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        for (String word : WORDS.split(value, -1)) {
            String w = Py.strip(word);
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String head(String s) {
        return s.length() > 25 ? s.substring(0, 25) : s;
    }
}
