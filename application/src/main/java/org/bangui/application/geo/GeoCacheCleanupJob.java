package org.bangui.application.geo;

import java.util.Objects;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.ScheduledJob;

/** {@code geo_cache_cleanup}: deletes cache entries older than the cache's maximum age; leader only. */
public final class GeoCacheCleanupJob extends ScheduledJob {

    private final GeoCacheService cache;

    public GeoCacheCleanupJob(GeoCacheService cache, JobSchedule schedule) {
        super("geo_cache_cleanup", schedule, JobScope.LEADER);
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void run(JobContext context) {
        int deleted = cache.store().deleteResolvedBefore(cache.clock().instant().minus(cache.maxAge()));
        context.detail("deleted=" + deleted);
    }
}
