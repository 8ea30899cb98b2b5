package org.bangui.application.geo;

import java.util.Objects;
import org.bangui.application.job.Job;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;

/** {@code geo_cache_cleanup}: deletes cache entries older than the cache's maximum age; leader only. */
public final class GeoCacheCleanupJob implements Job {

    private final GeoCacheService cache;
    private final JobSchedule schedule;

    public GeoCacheCleanupJob(GeoCacheService cache, JobSchedule schedule) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "geo_cache_cleanup";
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public JobScope scope() {
        return JobScope.LEADER;
    }

    @Override
    public void run(JobContext context) {
        int deleted = cache.store().deleteResolvedBefore(cache.clock().instant().minus(cache.maxAge()));
        context.detail("deleted=" + deleted);
    }
}
