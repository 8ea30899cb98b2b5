package org.bangui.domain.history;

import java.util.Locale;
import org.bangui.domain.shared.InvalidInputException;

/** Who started a ban. */
public enum BanOrigin {
    /** fail2ban banned it from log lines (or someone used fail2ban-client directly). */
    FAIL2BAN,
    /** An administrator banned it through BanGUI. */
    MANUAL,
    /** BanGUI banned it while mirroring a blocklist into a jail. */
    BLOCKLIST;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The lower-case code used in the API and the store. */
    public String code() {
        return code; // read for every archived entry a page or an export writes
    }

    /** @throws InvalidInputException {@code invalid_origin} for anything but a known code */
    public static BanOrigin fromCode(String code) {
        for (BanOrigin origin : values()) {
            if (origin.code().equals(code)) {
                return origin;
            }
        }
        throw new InvalidInputException("invalid_origin", "origin must be one of fail2ban, manual, blocklist");
    }
}
