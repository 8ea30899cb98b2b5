package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one configuration file, classified exactly as Python's configparser reads them with fail2ban's
 * settings (delimiters {@code =} and {@code :}, full-line comments {@code #} and {@code ;}, inline comments
 * {@code ;} after whitespace, empty lines inside values, keys lower-cased). Each line keeps its text and its
 * line break, so untouched lines are written back unchanged.
 */
final class LocalFileLayout {

    /** What configparser makes of a line. */
    enum Kind { HEADER, KEY, CONTINUATION, BLANK, COMMENT, OTHER }

    /**
     * One line.
     *
     * @param text the line without its line break
     * @param end its line break ({@code \n}, {@code \r\n}, {@code \r}) or empty for a last line without one
     * @param kind what configparser makes of it
     * @param name the section name of a header, the lower-cased key of a key line or continuation, else null
     * @param owner index of the key line a continuation belongs to; -1 otherwise
     */
    record Line(String text, String end, Kind kind, String name, int owner) {
    }

    private static final Pattern HEADER = Pattern.compile("\\[(?<header>.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*(?<vi>[=:])\\s*(?<value>.*)$");

    private LocalFileLayout() {
    }

    /** Splits {@code text} at {@code \r\n}, {@code \r} and {@code \n} (Python's universal newlines) and classifies. */
    static List<Line> parse(String text) {
        List<String[]> raw = split(text);
        List<Line> lines = new ArrayList<>(raw.size());
        boolean inSection = false;
        String option = null;
        int optionLine = -1;
        int indentLevel = 0;
        for (String[] pair : raw) {
            String line = lines.isEmpty() && pair[0].startsWith("\uFEFF") ? pair[0].substring(1) : pair[0];
            int commentStart = commentStart(line);
            String value = strip(line.substring(0, commentStart));
            if (value.isEmpty()) {
                lines.add(new Line(pair[0], pair[1], commentStart < line.length() ? Kind.COMMENT : Kind.BLANK,
                        null, -1));
                continue;
            }
            int indent = indent(line);
            if (inSection && option != null && indent > indentLevel) {
                lines.add(new Line(pair[0], pair[1], Kind.CONTINUATION, option, optionLine));
                continue;
            }
            indentLevel = indent;
            Matcher header = HEADER.matcher(value);
            if (header.lookingAt()) {
                inSection = true;
                option = null;
                lines.add(new Line(pair[0], pair[1], Kind.HEADER, header.group("header"), -1));
                continue;
            }
            Matcher key = OPTION.matcher(value);
            if (inSection && key.matches() && !key.group("option").isEmpty()) {
                option = rstrip(key.group("option")).toLowerCase(Locale.ROOT);
                optionLine = lines.size();
                lines.add(new Line(pair[0], pair[1], Kind.KEY, option, -1));
            } else {
                // configparser reports these as errors and keeps the current option open
                lines.add(new Line(pair[0], pair[1], Kind.OTHER, null, -1));
            }
        }
        return lines;
    }

    /** Python's str.isspace for the characters that matter here. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Where a comment starts ({@code #}/{@code ;} first, or {@code ;} at 0 or after whitespace); else length. */
    static int commentStart(String line) {
        String stripped = strip(line);
        if (stripped.startsWith("#") || stripped.startsWith(";")) {
            return 0;
        }
        for (int i = line.indexOf(';'); i >= 0; i = line.indexOf(';', i + 1)) {
            if (i == 0 || isSpace(line.charAt(i - 1))) {
                return i;
            }
        }
        return line.length();
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    static String strip(String s) {
        return rstrip(s.substring(indent(s)));
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static List<String[]> split(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new String[] {text.substring(start, i), text.substring(i, next)});
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(new String[] {text.substring(start), ""});
        }
        return lines;
    }
}
