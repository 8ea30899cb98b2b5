package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.List;

/** The few Python string rules fail2ban's parsing depends on (what {@code str.strip} and {@code isspace} cut). */
final class Py {

    private Py() {
    }

    static boolean isSpace(char c) {
        if (c < 0x80) {
            // the same answer for ASCII, without the Character tables (it is asked for every character of a line)
            return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static int firstNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    /** {@code s.split('\n')} keeping empty entries, as Python does. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf('\n', from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + 1;
        }
        out.add(s.substring(from));
        return out;
    }

    /** fail2ban's {@code _as_bool}. */
    static boolean asBool(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return v.equals("1") || v.equals("on") || v.equals("true") || v.equals("yes");
    }

    /** Python's {@code int(str)} for the plain decimal forms, as the string Python's {@code str()} gives back. */
    static String pyInt(String value) {
        String v = strip(value).replace("_", "");
        try {
            return Long.toString(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
        } catch (NumberFormatException e) {
            throw new ConfigError.BadValue("invalid literal for int() with base 10: '" + value + "'");
        }
    }
}
