package org.bangui.application.blocklist;

import java.util.regex.Pattern;

/**
 * The audit target of a blocklist change: what the client asked for (name, jail, enabled, schedule and the URL
 * without its query, which may carry an access key), printable and bounded, whatever the client sent.
 */
final class AuditTarget {

    private static final int MAX = 100;
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

    private AuditTarget() {
    }

    static String of(ManageBlocklistsUseCase.BlocklistCommand command) {
        // credentials in the authority (refused, but audited as sent) are masked
        String url = command.url() == null ? "" : USER_INFO.matcher(command.url()).replaceFirst("$1***@");
        int query = url.indexOf('?');
        return "name=" + printable(command.name()) + " jail=" + printable(command.jail()) + " enabled="
                + command.enabled() + " schedule=" + printable(command.schedule()) + " url="
                + printable(query < 0 ? url : url.substring(0, query) + "?...");
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
