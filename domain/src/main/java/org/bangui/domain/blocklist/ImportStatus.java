package org.bangui.domain.blocklist;

import java.util.Locale;
import java.util.Optional;

/** Where an import stands. */
public enum ImportStatus {
    /** Under way. */
    RUNNING,
    /** The jail mirrors the list. */
    SUCCEEDED,
    /** Nothing was applied: the download, the list or fail2ban failed. */
    FAILED,
    /** Part of the list was applied; the rest is retried by the next import. */
    PARTIAL,
    /** Cut short by a shutdown, a crash or the loss of the scheduler lock; the next import finishes it. */
    INTERRUPTED;

    /** The lower-case name used in the API and the store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #code()}. */
    public static Optional<ImportStatus> fromCode(String code) {
        for (ImportStatus status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
