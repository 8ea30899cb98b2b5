package org.bangui.domain.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of fail2ban's {@code bans} table: one ban event.
 *
 * @param rowid the row's SQLite rowid (fail2ban's table has no key of its own)
 * @param timeOfBan when the ban started, whole seconds
 * @param banSeconds the ban time, negative for permanent
 * @param matches the matched log lines fail2ban kept
 */
public record Fail2banBanRow(long rowid, String jail, String ip, Instant timeOfBan, long banSeconds, int banCount,
                             int failures, List<String> matches) {

    /** @throws NullPointerException if a component is null */
    public Fail2banBanRow {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(timeOfBan, "timeOfBan");
        matches = List.copyOf(matches);
    }
}
