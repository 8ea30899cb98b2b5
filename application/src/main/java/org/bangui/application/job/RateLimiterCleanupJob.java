package org.bangui.application.job;

import java.util.Objects;
import org.bangui.domain.ratelimit.RateLimitPort;

/**
 * {@code rate_limiter_cleanup}: drops idle rate-limit counters. Every instance, because the in-memory store is
 * per process; its runs are recorded only when they fail.
 */
public final class RateLimiterCleanupJob extends ScheduledJob {

    private final RateLimitPort rateLimits;

    public RateLimiterCleanupJob(RateLimitPort rateLimits, JobSchedule schedule) {
        super("rate_limiter_cleanup", schedule, JobScope.EVERY_INSTANCE);
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    }

    @Override
    public RunRecording recording() {
        return RunRecording.UNSUCCESSFUL;
    }

    @Override
    public void run(JobContext context) {
        context.detail("evicted=" + rateLimits.evictIdle());
    }
}
