package org.bangui.application.dashboard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.server.ServerDatabase;

/**
 * The dashboard summary.
 *
 * @param online whether fail2ban answered
 * @param version fail2ban's version, empty when offline
 * @param database fail2ban's own database settings, empty when offline
 * @param jailCount running jails, 0 when offline
 * @param totals counters summed over all jails, zero when offline
 * @param observedAt when this summary was taken from fail2ban
 */
public record DashboardStatus(boolean online, Optional<String> version, Optional<ServerDatabase> database,
                              int jailCount, JailCounters totals, Instant observedAt) {

    /** @throws NullPointerException if any component is null */
    public DashboardStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** The summary when fail2ban cannot be reached. */
    public static DashboardStatus offline(Instant at) {
        return new DashboardStatus(false, Optional.empty(), Optional.empty(), 0, JailCounters.ZERO, at);
    }
}
