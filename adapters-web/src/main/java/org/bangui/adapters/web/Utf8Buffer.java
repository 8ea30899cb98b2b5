package org.bangui.adapters.web;

import java.util.Arrays;

/**
 * A growable byte buffer that encodes text as UTF-8 while appending, with JSON string escaping and RFC 4180 CSV
 * quoting built in, so that history pages and exports are written without intermediate strings.
 */
final class Utf8Buffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The bytes written so far, copied. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void clear() {
        size = 0;
    }

    Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII (names, numbers, fixed tokens). */
    Utf8Buffer ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Buffer number(long value) {
        return ascii(Long.toString(value));
    }

    /** A JSON string literal, or {@code null}: quotes, backslashes and control characters escaped. */
    Utf8Buffer jsonString(String text) {
        if (text == null) {
            return ascii("null");
        }
        int length = text.length();
        ensure(length + 2);
        bytes[size++] = '"';
        int i = 0;
        while (i < length) {
            int run = asciiRun(text, i, length);
            i += run;
            if (i == length) {
                break;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                jsonEscape(c);
            } else {
                i = utf8(text, i, true);
            }
            i++;
            ensure(length - i + 1);
        }
        return ascii('"');
    }

    /** Copies the chars from {@code from} that need no escaping and no encoding; returns how many. */
    private int asciiRun(String text, int from, int length) {
        byte[] out = bytes;
        int at = size;
        int i = from;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            out[at++] = (byte) c;
        }
        size = at;
        return i - from;
    }

    /**
     * A quoted CSV cell (nothing for null or empty): quotes doubled, a leading {@code '} before a first character
     * a spreadsheet would read as the start of a formula.
     */
    Utf8Buffer csvCell(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        ascii('"');
        if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            ascii('\'');
        }
        int length = text.length();
        ensure(length + 2);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                // matched log lines come from attackers: no terminal escape sequence reaches a CSV viewer
                ensure(3);
                bytes[size++] = (byte) 0xEF;
                bytes[size++] = (byte) 0xBF;
                bytes[size++] = (byte) 0xBD;
            } else if (c < 0x80) {
                if (c == '"') {
                    ascii('"');
                }
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                i = utf8(text, i, false);
            }
        }
        return ascii('"');
    }

    /** C0 controls but tab and line breaks, DEL and the C1 controls: written as U+FFFD in CSV cells. */
    private static boolean isControl(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    private void jsonEscape(char c) {
        switch (c) {
            case '"' -> ascii('\\').ascii('"');
            case '\\' -> ascii('\\').ascii('\\');
            case '\n' -> ascii('\\').ascii('n');
            case '\r' -> ascii('\\').ascii('r');
            case '\t' -> ascii('\\').ascii('t');
            case '\b' -> ascii('\\').ascii('b');
            case '\f' -> ascii('\\').ascii('f');
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 0xF];
        bytes[size++] = HEX[(c >> 8) & 0xF];
        bytes[size++] = HEX[(c >> 4) & 0xF];
        bytes[size++] = HEX[c & 0xF];
    }

    /**
     * Encodes the non-ASCII character at {@code i} (a surrogate pair as one code point); returns the index of its
     * last char. A lone surrogate is escaped in JSON and replaced by U+FFFD in CSV (it has no UTF-8 form).
     */
    private int utf8(String text, int i, boolean json) {
        char c = text.charAt(i);
        ensure(4);
        if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int code = Character.toCodePoint(c, text.charAt(i + 1));
            bytes[size++] = (byte) (0xF0 | (code >> 18));
            bytes[size++] = (byte) (0x80 | ((code >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((code >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (code & 0x3F));
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            if (json) {
                unicodeEscape(c);
                return i;
            }
            c = '\uFFFD';
        }
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
