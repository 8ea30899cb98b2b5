package org.bangui.application.audit;

/** How an audit target is stored: printable ASCII only, and bounded, whatever the client sent. */
public final class AuditTargets {

    /** The longest target stored; longer ones are cut. */
    public static final int MAX_TARGET = 120;
    /** The longest change detail stored (a configuration diff); longer ones are cut. */
    public static final int MAX_DETAIL = 64 * 1024;

    private AuditTargets() {
    }

    /**
     * {@code raw} with every character outside printable ASCII replaced by {@code ?}, cut to
     * {@link #MAX_TARGET} characters; the empty string for null.
     */
    public static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_TARGET));
        for (int i = 0; i < raw.length() && out.length() < MAX_TARGET; i++) {
            char c = raw.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
