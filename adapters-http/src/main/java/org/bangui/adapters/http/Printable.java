package org.bangui.adapters.http;

/** Text from the network or from a URL, made safe for a message: printable ASCII, bounded length. */
final class Printable {

    static final int MAX = 200;

    private Printable() {
    }

    /** {@code text} with anything outside printable ASCII replaced by '?', cut at {@value #MAX} characters. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.length() > MAX ? out.append("...").toString() : out.toString();
    }

    /** Whether {@code text} is printable ASCII of at most {@code max} characters, safe to echo in a header. */
    static boolean isHeaderSafe(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }
}
