package org.bangui.application.blocklist;

/** The audit target of a blocklist change: printable, bounded, whatever the client sent. */
final class AuditTarget {

    private static final int MAX = 64;

    private AuditTarget() {
    }

    static String name(String name) {
        if (name == null) {
            return "name=";
        }
        StringBuilder out = new StringBuilder("name=");
        for (int i = 0; i < name.length() && i < MAX; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
