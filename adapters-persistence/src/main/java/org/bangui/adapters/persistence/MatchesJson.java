package org.bangui.adapters.persistence;

import java.util.List;

/** The {@code history.matches} column: a JSON array of strings. */
final class MatchesJson {

    private MatchesJson() {
    }

    /** The JSON array of {@code matches}. */
    static String of(List<String> matches) {
        StringBuilder json = new StringBuilder(2 + matches.size() * 80).append('[');
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, matches.get(i));
        }
        return json.append(']').toString();
    }

    /** Appends {@code text} as a JSON string, copying the runs between characters that need escaping at once. */
    private static void quote(StringBuilder json, String text) {
        json.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"' && c != '\\' && c >= 0x20) {
                continue;
            }
            json.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(String.format("\\u%04x", (int) c));
            }
        }
        json.append(text, run, text.length()).append('"');
    }
}
