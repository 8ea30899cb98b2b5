package org.bangui.application.job;

import java.util.Objects;
import org.bangui.domain.ratelimit.RateLimitPort;

/**
 * {@code rate_limiter_cleanup}: drops idle rate-limit counters. Every instance, because the in-memory store is
 * per process; its runs are recorded only when they fail.
 */
public final class RateLimiterCleanupJob implements Job {

    private final RateLimitPort rateLimits;
    private final JobSchedule schedule;

    public RateLimiterCleanupJob(RateLimitPort rateLimits, JobSchedule schedule) {
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "rate_limiter_cleanup";
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public JobScope scope() {
        return JobScope.EVERY_INSTANCE;
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
