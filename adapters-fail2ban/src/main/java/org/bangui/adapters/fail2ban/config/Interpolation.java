package org.bangui.adapters.fail2ban.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * configparser's {@code BasicInterpolation} as fail2ban extends it: {@code %(key)s} and {@code %%}, at most 10
 * levels deep, nested values interpolated in the section of the value asked for, {@code %(__name__)s} as that
 * section's name, and {@code %(section/key)s}, {@code %(default/key)s}, {@code %(known/key)s} mapped from raw
 * values first (fail2ban's {@code _map_section_options}), at every level.
 */
final class Interpolation {

    private static final int MAX_DEPTH = 10;

    private Interpolation() {
    }

    static String interpolate(ConfigTree tree, String section, String option, String value,
                              ConfigTree.Lookup lookup) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        some(tree, section, option, out, value, lookup, Map.of("__name__", section), 1);
        return out.toString();
    }

    private static void some(ConfigTree tree, String section, String option, StringBuilder out, String value,
                             ConfigTree.Lookup lookup, Map<String, String> outer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ConfigError("Recursion limit exceeded in value substitution: option '" + option
                    + "' in section '" + section + "'");
        }
        // outer holds __name__ (always this section) and what outer levels mapped; copied only when added to
        Map<String, String> map = mapSectionOptions(tree, section, value, outer, lookup);
        int i = 0;
        int n = value.length();
        while (i < n) {
            int p = value.indexOf('%', i);
            if (p < 0) {
                out.append(value, i, n);
                return;
            }
            out.append(value, i, p);
            char c = p + 1 < n ? value.charAt(p + 1) : 0;
            if (c == '%') {
                out.append('%');
                i = p + 2;
            } else if (c == '(') {
                // %(key)s by hand: "%(", at least one character up to the first ")", then "s"
                int close = value.indexOf(')', p + 2);
                if (close <= p + 2 || close + 1 >= n || value.charAt(close + 1) != 's') {
                    throw new ConfigError("bad interpolation variable reference in option '" + option
                            + "' in section '" + section + "'");
                }
                String var = value.substring(p + 2, close).toLowerCase(Locale.ROOT);
                i = close + 2;
                String v = map.containsKey(var) ? map.get(var) : lookup.find(var);
                if (v == null) {
                    throw new ConfigError("Bad value substitution: option '" + option + "' in section '" + section
                            + "' contains an interpolation key '" + var + "' which is not a valid option name");
                }
                if (v.indexOf('%') >= 0) {
                    some(tree, section, option, out, v, lookup, map, depth + 1);
                } else {
                    out.append(v);
                }
            } else {
                throw new ConfigError("'%' must be followed by '%' or '(' in option '" + option
                        + "' in section '" + section + "'");
            }
        }
    }

    /** fail2ban's {@code _map_section_options}: raw values for {@code %(section/key)s} not otherwise known. */
    private static Map<String, String> mapSectionOptions(ConfigTree tree, String section, String rest,
                                                         Map<String, String> outer, ConfigTree.Lookup lookup) {
        if (rest.indexOf('/') < 0 || !rest.contains("%(")) {
            return outer;
        }
        Map<String, String> map = outer;
        // %(section/key)s by hand: "%(", letters, digits, "_" or "-", "/", at least one character up to ")", "s"
        int n = rest.length();
        int at = rest.indexOf("%(");
        while (at >= 0) {
            int slash = at + 2;
            while (slash < n && isSectionChar(rest.codePointAt(slash))) {
                slash += Character.charCount(rest.codePointAt(slash));
            }
            int close = slash > at + 2 && slash < n && rest.charAt(slash) == '/' ? rest.indexOf(')', slash + 1) : -1;
            if (close <= slash + 1 || close + 1 >= n || rest.charAt(close + 1) != 's') {
                at = rest.indexOf("%(", at + 1);
                continue;
            }
            String sopt = rest.substring(at + 2, close);
            String opt = rest.substring(slash + 1, close);
            at = rest.indexOf("%(", close + 2);
            if (map.containsKey(sopt) || lookup.find(sopt) != null) {
                continue;
            }
            String sec = sopt.substring(0, sopt.length() - opt.length() - 1);
            String lower = sec.toLowerCase(Locale.ROOT);
            String v = null;
            if (lower.equals("known")) {
                v = tree.rawOwn("KNOWN/".concat(section), opt);
            } else if (!lower.equals("default")) {
                if (!tree.hasSection(sec)) {
                    continue;
                }
                v = tree.rawOwn(sec, opt);
            }
            if (v == null) {
                v = tree.rawDefault(opt);
                if (v == null) {
                    continue;
                }
            }
            if (map == outer) {
                map = new HashMap<>(outer);
            }
            map.put(sopt, v);
        }
        return map;
    }

    /** {@code [\p{L}\p{Nd}_\-]}. */
    private static boolean isSectionChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '-';
    }
}
