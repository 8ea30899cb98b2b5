package org.bangui.bootstrap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.time.Clock;
import java.time.Duration;
import org.bangui.application.job.JobRunner;
import org.bangui.application.job.SchedulerLeadership;
import org.bangui.domain.session.SessionPort;

/**
 * BanGUI's state series, read when scraped: {@code bangui_scheduler_leader}, {@code bangui_job_running} per job,
 * and {@code bangui_sessions_active}. The first two read memory only; the session count asks the session store
 * at most once per {@code bangui.metrics.session-count-interval} (15s; see {@link CachedCount}), so that scrapes
 * never queue up queries on the store.
 */
@Context
class OperationsGauges {

    OperationsGauges(MeterRegistry registry, SchedulerLeadership leadership, JobRunner runner, SessionPort sessions,
                     Clock clock, @Value("${bangui.metrics.session-count-interval:15s}") String sessionCountInterval) {
        Duration interval = SettingValues.duration("bangui.metrics.session-count-interval", sessionCountInterval);
        Gauge.builder("bangui.scheduler.leader", leadership, l -> l.role() == SchedulerLeadership.Role.LEADER ? 1 : 0)
                .description("1 while this instance holds the scheduler lock (runs the leader-only jobs), else 0")
                .strongReference(true).register(registry);
        for (String job : runner.names()) {
            Gauge.builder("bangui.job.running", runner, r -> r.isRunning(job) ? 1 : 0)
                    .description("1 while a run of the job is going on in this instance, else 0").tag("job", job)
                    .strongReference(true).register(registry);
        }
        CachedCount count = new CachedCount(() -> sessions.listActive(clock.instant()).size(), clock, interval);
        Gauge.builder("bangui.sessions.active", count, CachedCount::value)
                .description("Sessions not expired, in the session store (counted at most once per interval)")
                .strongReference(true) // nothing else holds the count: a weak reference would read NaN after a GC
                .register(registry);
    }
}
