package org.bangui.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.bangui.adapters.fail2ban.Fail2banDatabaseAdapter;
import org.bangui.application.history.HistoryRetentionJob;
import org.bangui.application.history.HistorySyncJob;
import org.bangui.application.job.Job;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.Fail2banDatabasePort;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.server.ServerPort;

/**
 * Wires the writes to the ban archive: the read-only view of fail2ban's database and the {@code history_sync}
 * and {@code history_retention} jobs (collected by the job runner). The archive itself is the SQLite adapter
 * bean of adapters-persistence.
 */
@Factory
class HistoryFactory {

    /** Rows copied per transaction. */
    private static final int SYNC_BATCH = 5000;
    /** How old an open entry must be before its absence from fail2ban's database ends it. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    /** How long a read waits for fail2ban's write lock. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    @Singleton
    Fail2banDatabasePort fail2banDatabase(HistoryConfig settings, ServerPort server) {
        return new Fail2banDatabaseAdapter(settings.fail2banDatabase(), server, BUSY_TIMEOUT_MILLIS);
    }

    @Singleton
    @Order(10) // listed in a stable order in GET /api/v1/jobs
    Job historySync(Fail2banDatabasePort source, HistoryArchivePort archive, GeoLookupPort geo, Clock clock,
                    HistoryConfig settings) {
        return new HistorySyncJob(source, archive, geo, clock, settings.syncSchedule(), SYNC_BATCH, GRACE);
    }

    /** On the maintenance schedule ({@code BANGUI_MAINTENANCE_INTERVAL}): a no-op delete when nothing is old. */
    @Singleton
    @Order(11)
    Job historyRetention(HistoryArchivePort archive, Clock clock, HistoryConfig settings, JobsConfig jobs) {
        return new HistoryRetentionJob(archive, clock, jobs.maintenance(), settings.retention());
    }
}
