package org.bangui.domain.blocklist;

import java.util.Objects;

/**
 * A sample of a rejected blocklist line, safe to show in a JSON answer or a log line.
 *
 * @param line the 1-based line number, or 0 for an entry rejected after parsing (its line is not kept)
 * @param text the line, trimmed; the constructor cuts it to {@value #MAX_TEXT} characters and replaces every
 *     character that is not printable ASCII by {@code ?}
 * @param reason a short human phrase such as {@code not an IP address or network}
 */
public record InvalidLine(long line, String text, String reason) {

    /** The longest {@link #text()} kept. */
    public static final int MAX_TEXT = 100;

    /**
     * @throws NullPointerException if {@code text} or {@code reason} is null
     * @throws IllegalArgumentException if {@code line} is negative or {@code reason} is blank
     */
    public InvalidLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        text = printable(text);
    }

    private static String printable(String text) {
        int length = Math.min(text.length(), MAX_TEXT);
        StringBuilder safe = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString();
    }
}
