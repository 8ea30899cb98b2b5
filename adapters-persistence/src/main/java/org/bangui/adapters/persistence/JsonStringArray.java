package org.bangui.adapters.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code history.matches} column: a JSON array of strings. A value that is not one (never written by
 * BanGUI) reads as no matches rather than failing a whole page.
 */
final class JsonStringArray {

    private JsonStringArray() {
    }

    static List<String> parse(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return new Reader(json).array();
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return List.of();
        }
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        List<String> array() {
            List<String> values = new ArrayList<>();
            skipSpace();
            expect('[');
            skipSpace();
            if (text.charAt(at) == ']') {
                return values;
            }
            while (true) {
                skipSpace();
                values.add(string());
                skipSpace();
                char next = text.charAt(at++);
                if (next == ']') {
                    return values;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            for (int end = at; end < text.length() && text.charAt(end) != '\\'; end++) {
                if (text.charAt(end) == '"') { // the common case: nothing escaped, one substring
                    String value = text.substring(at, end);
                    at = end + 1;
                    return value;
                }
            }
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
