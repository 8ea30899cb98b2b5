package org.bangui.domain.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An open, read-only view of fail2ban's database. Each read is one short transaction; nothing is ever written.
 * Every method throws {@link Fail2banDatabaseUnavailableException} if the file cannot be read (locked longer
 * than the busy timeout, corrupt, deleted meanwhile).
 */
public interface Fail2banDatabase extends AutoCloseable {

    /** Rows of {@code bans} with a rowid above {@code rowid}, ascending, at most {@code limit}; never null. */
    List<Fail2banBanRow> bansAfter(long rowid, int limit);

    /** The row of {@code bans} at {@code rowid}, if there is one. */
    Optional<Fail2banBanRow> banAt(long rowid);

    /** Rows of {@code bans} at or below {@code rowid}, descending, at most {@code limit}; never null. */
    List<Fail2banBanRow> bansAtOrBelow(long rowid, int limit);

    /**
     * fail2ban's latest ban (its {@code bips} table) of each given (jail, ip) that has one; keys without a row
     * are absent from the answer.
     */
    Map<BanKey, Instant> latestBans(Collection<BanKey> keys);

    /** Closes the connection; never throws. */
    @Override
    void close();

    /** A jail and a banned ip, as fail2ban writes them. */
    record BanKey(String jail, String ip) {

        /** @throws NullPointerException if a component is null */
        public BanKey {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(ip, "ip");
        }
    }
}
