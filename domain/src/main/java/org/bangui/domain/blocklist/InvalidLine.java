package org.bangui.domain.blocklist;

/**
 * A line of a list that was not used.
 *
 * @param line its 1-based number
 * @param text the line, trimmed, at most 100 printable ASCII characters
 * @param reason why, a short phrase
 */
public record InvalidLine(long line, String text, String reason) {
}
