package org.bangui.adapters.fail2ban.config;

import java.util.Locale;
import java.util.regex.Pattern;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.InvalidInputException;

/**
 * What {@link LocalFileEditor} can write so that fail2ban reads back exactly the value asked for. configparser
 * strips every value line, drops lines starting with {@code #} or {@code ;} inside a value, cuts a line at a
 * {@code ;} after whitespace, and drops trailing empty lines; such values cannot be written, so they are refused
 * rather than changed silently. A continuation line starting with {@code [} stays a continuation (the
 * indentation decides first), so it is allowed.
 */
final class LocalEditRules {

    /** Longest value written. */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    private static final Pattern KEY = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,63}");

    private LocalEditRules() {
    }

    /** Refuses sections outside the name allow-list and {@code INCLUDES}, whose files BanGUI never chooses. */
    static void checkSection(String section) {
        if (section == null || section.toUpperCase(Locale.ROOT).equals("INCLUDES")) {
            throw new InvalidInputException("invalid_section", "this section cannot be written");
        }
        try {
            ConfigName.of(section);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("invalid_section", "section names are 1-64 characters of "
                    + "A-Z a-z 0-9 _ . - and start with a letter or digit");
        }
    }

    /** Refuses a key outside the allow-list or a value fail2ban would not read back as written. */
    static void check(String key, String value) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("invalid_key", "keys are 1-64 characters of a-z 0-9 _ . -");
        }
        if (value == null) {
            return;
        }
        if (value.length() > MAX_VALUE_CHARS) {
            throw invalid(key, "is longer than 64 KiB");
        }
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            checkLine(key, lines[i], i, lines.length);
        }
    }

    private static void checkLine(String key, String line, int index, int count) {
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch != '\t' && (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' || ch == '\uFEFF')) {
                throw invalid(key, "contains a control character");
            }
        }
        if (count > 1 && line.isEmpty()) {
            throw invalid(key, "has an empty line");
        }
        if (!line.equals(LocalFileLayout.strip(line))) {
            throw invalid(key, "has a line that starts or ends with white space");
        }
        if (index > 0 && line.startsWith("#")) {
            throw invalid(key, "has a line starting with # that fail2ban would read as a comment");
        }
        if (hasInlineComment(line)) {
            throw invalid(key, "has a ';' at the start of a line or after white space, which starts a comment");
        }
    }

    /** A {@code ;} at the start or after white space: configparser cuts the line there (the key line too). */
    private static boolean hasInlineComment(String line) {
        for (int i = line.indexOf(';'); i >= 0; i = line.indexOf(';', i + 1)) {
            if (i == 0 || LocalFileLayout.isSpace(line.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static InvalidInputException invalid(String key, String why) {
        return new InvalidInputException("invalid_value", "the value of '" + key + "' " + why);
    }
}
