package org.bangui.adapters.fail2ban.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little JSON spoken with the compile script: string arrays out, one flat object of strings back. */
final class CompileScriptJson {

    private static final Pattern FAILURE = Pattern.compile(
            "\\{\"ok\": false, \"kind\": \"(?<kind>[a-z]+)\", \"regex\": (?<regex>\"(?:[^\"\\\\]|\\\\.)*\"), "
                    + "\"message\": (?<message>\"(?:[^\"\\\\]|\\\\.)*\")\\}");

    private CompileScriptJson() {
    }

    static String array(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(value));
        }
        return out.append(']').toString();
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** kind, regex, message of the script's failure line; empty if the output is not one. */
    static Optional<String[]> compileFailure(String output) {
        Matcher m = FAILURE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {m.group("kind"), unquote(m.group("regex")), unquote(m.group("message"))});
    }

    /** Decodes a JSON string as Python's json.dumps writes it (ensure_ascii: \\uXXXX for non-ASCII). */
    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
