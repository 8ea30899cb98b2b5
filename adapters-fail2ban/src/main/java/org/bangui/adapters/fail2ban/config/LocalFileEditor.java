package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.fail2ban.config.LocalFileLayout.Kind;
import org.bangui.adapters.fail2ban.config.LocalFileLayout.Line;

/**
 * Sets and removes keys in the text of one configuration file, changing only the lines of the changed
 * definitions. A set key replaces its first definition in the section in place (keeping how its key line is
 * spelled) and drops any later one (fail2ban's parser refuses a key defined twice); a new key goes after the
 * section's last definition; a missing section is appended at the end after a blank line. Continuation lines
 * are indented four spaces deeper than their key. Values are checked by {@link LocalEditRules} first.
 */
final class LocalFileEditor {

    private static final String CONTINUATION_INDENT = "    ";

    private LocalFileEditor() {
    }

    /** The text after applying {@code changes} (lower-case keys; null removes) to {@code section}. */
    static String edit(String text, String section, Map<String, String> changes) {
        LocalEditRules.checkSection(section);
        changes.forEach(LocalEditRules::check);
        String result = text;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            result = apply(result, section, change.getKey(), change.getValue());
        }
        return result;
    }

    private static String apply(String text, String section, String key, String value) {
        List<Line> lines = LocalFileLayout.parse(text);
        String newline = lineBreak(lines);
        List<String> out = new ArrayList<>();
        boolean inSection = false;
        boolean sectionSeen = false;
        boolean written = value == null;
        int insertAt = -1; // index in out after the last definition line of the section's last block
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind() == Kind.HEADER) {
                inSection = line.name().equals(section);
                sectionSeen |= inSection;
                if (inSection) {
                    insertAt = out.size() + 1;
                }
            }
            if (inSection && line.kind() == Kind.KEY && line.name().equals(key)) {
                int last = lastLineOf(lines, i);
                if (!written) {
                    String end = lines.get(last).end();
                    out.add(definition(keyPrefix(line.text()), value, newline, end));
                    written = true;
                    insertAt = out.size();
                }
                i = last;
                continue;
            }
            out.add(line.text() + line.end());
            if (inSection && (line.kind() == Kind.KEY || line.kind() == Kind.CONTINUATION)) {
                insertAt = out.size();
            }
        }
        if (!written && sectionSeen) {
            String indent = nextIndent(lines, out, insertAt);
            terminatePrevious(out, insertAt, newline);
            out.add(insertAt, definition(indent + key + " = ", value, newline, newline));
        } else if (!written) {
            if (!out.isEmpty()) {
                terminatePrevious(out, out.size(), newline);
                out.add(newline);
            }
            out.add("[" + section + "]" + newline);
            out.add(definition(key + " = ", value, newline, newline));
        }
        return String.join("", out);
    }

    /** The index of the last line that belongs to the definition starting at {@code keyLine}. */
    private static int lastLineOf(List<Line> lines, int keyLine) {
        int last = keyLine;
        for (int j = keyLine + 1; j < lines.size(); j++) {
            Line next = lines.get(j);
            if (next.kind() == Kind.CONTINUATION && next.owner() == keyLine) {
                last = j;
            } else if (next.kind() != Kind.BLANK && next.kind() != Kind.COMMENT) {
                break;
            }
        }
        return last;
    }

    /** A key line (prefix with its indentation) and its continuation lines, four spaces deeper. */
    private static String definition(String prefix, String value, String newline, String end) {
        String[] parts = value.split("\n", -1);
        StringBuilder text = new StringBuilder(value.isEmpty() ? LocalFileLayout.rstrip(prefix) : prefix);
        text.append(parts[0]);
        for (int p = 1; p < parts.length; p++) {
            text.append(newline).append(leading(prefix)).append(CONTINUATION_INDENT).append(parts[p]);
        }
        return text.append(end).toString();
    }

    /** The key line up to where its value starts: {@code "  MaxRetry = "} of {@code "  MaxRetry = 3"}. */
    private static String keyPrefix(String keyLine) {
        int delimiter = firstDelimiter(keyLine);
        int start = delimiter + 1;
        while (start < keyLine.length() && LocalFileLayout.isSpace(keyLine.charAt(start))) {
            start++;
        }
        String prefix = keyLine.substring(0, start);
        if (start == keyLine.length()) {
            prefix = LocalFileLayout.rstrip(prefix) + " ";
        }
        return prefix;
    }

    private static int firstDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String leading(String s) {
        return s.substring(0, LocalFileLayout.indent(s));
    }

    /**
     * The indentation of a new key line: that of the next header (usually none), so the header does not turn
     * into a continuation of the new value.
     */
    private static String nextIndent(List<Line> lines, List<String> out, int insertAt) {
        for (int j = insertAt; j < out.size(); j++) {
            String text = LocalFileLayout.rstrip(out.get(j));
            if (!LocalFileLayout.strip(text).isEmpty() && LocalFileLayout.commentStart(text) > 0) {
                return leading(text);
            }
        }
        return "";
    }

    /** A line without a line break (the file's last) gets one before a line is added after it. */
    private static void terminatePrevious(List<String> out, int insertAt, String newline) {
        if (insertAt > 0) {
            String previous = out.get(insertAt - 1);
            if (!previous.endsWith("\n") && !previous.endsWith("\r")) {
                out.set(insertAt - 1, previous + newline);
            }
        }
    }

    /** The file's line break: that of its first line, {@code \n} if it has none. */
    private static String lineBreak(List<Line> lines) {
        return lines.stream().map(Line::end).filter(end -> !end.isEmpty()).findFirst().orElse("\n");
    }
}
