package org.bangui.domain.history;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the copy of fail2ban's {@code bans} table stopped: the rowid of the last copied row and that row's
 * identity. SQLite reuses the rowid of a deleted last row, and a replaced file starts again at 1, so the rowid
 * alone does not say whether the row is still the one that was copied.
 */
public record SyncMark(long rowid, String jail, String ip, Instant timeOfBan) {

    /** @throws NullPointerException if a component is null */
    public SyncMark {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(timeOfBan, "timeOfBan");
    }

    /** The mark of a copied row. */
    public static SyncMark of(Fail2banBanRow row) {
        return new SyncMark(row.rowid(), row.jail(), row.ip(), row.timeOfBan());
    }

    /** Whether {@code row} is the row this mark was taken from. */
    public boolean identifies(Fail2banBanRow row) {
        return row.rowid() == rowid && row.jail().equals(jail) && row.ip().equals(ip)
                && row.timeOfBan().equals(timeOfBan);
    }
}
