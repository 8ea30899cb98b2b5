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

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
