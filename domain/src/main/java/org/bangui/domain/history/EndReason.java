package org.bangui.domain.history;

import java.util.Locale;

/** Why an archived ban ended. */
public enum EndReason {
    /** Its ban time ran out. */
    EXPIRED,
    /** It was lifted through BanGUI; the entry names who lifted it. */
    UNBANNED,
    /** It disappeared from fail2ban before its expiry (lifted outside BanGUI, for instance with fail2ban-client). */
    REMOVED,
    /** fail2ban banned the same address in the same jail again before this ban ended. */
    REPLACED;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The lower-case code used in the API and the store. */
    public String code() {
        return code; // read for every archived entry a page or an export writes
    }

    /** The reason with this code. @throws IllegalArgumentException for an unknown code */
    public static EndReason fromCode(String code) {
        for (EndReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown end reason");
    }
}
