package org.bangui.application.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerUnavailableException;

/**
 * Builds the dashboard summary from fail2ban and keeps it for {@code cacheTime}. Concurrent callers that
 * find the summary stale wait for one refresh instead of each sending their own commands: fail2ban serves
 * one command at a time, so a burst of dashboard polls must not queue up in front of ban requests.
 */
public final class DashboardService implements GetDashboardStatusUseCase {

    private final ServerPort server;
    private final JailControlPort jails;
    private final Clock clock;
    private final Duration cacheTime;
    private final Object refreshLock = new Object();
    private volatile DashboardStatus cached;

    /**
     * @param cacheTime how long a summary is served before it is refreshed; zero disables caching
     */
    public DashboardService(ServerPort server, JailControlPort jails, Clock clock, Duration cacheTime) {
        this.server = Objects.requireNonNull(server, "server");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("cacheTime cannot be negative");
        }
        this.cacheTime = cacheTime;
    }

    @Override
    public DashboardStatus status() {
        DashboardStatus current = cached;
        if (isFresh(current)) {
            return current;
        }
        synchronized (refreshLock) {
            current = cached;
            if (isFresh(current)) {
                return current;
            }
            DashboardStatus fresh = observe();
            cached = fresh;
            return fresh;
        }
    }

    private boolean isFresh(DashboardStatus status) {
        return status != null && !cacheTime.isZero()
                && clock.instant().isBefore(status.observedAt().plus(cacheTime));
    }

    private DashboardStatus observe() {
        Instant now = clock.instant();
        try {
            String version = server.version();
            ServerDatabase database = server.database();
            List<JailName> names = jails.jailNames();
            JailCounters totals = JailCounters.ZERO;
            for (JailName name : names) {
                totals = totals.plus(countersOrZero(name));
            }
            return new DashboardStatus(true, Optional.of(version), Optional.of(database), names.size(), totals, now);
        } catch (ServerUnavailableException e) {
            return DashboardStatus.offline(now);
        }
    }

    private JailCounters countersOrZero(JailName name) {
        try {
            return jails.counters(name);
        } catch (UnknownJailException stoppedMeanwhile) {
            return JailCounters.ZERO;
        }
    }
}
