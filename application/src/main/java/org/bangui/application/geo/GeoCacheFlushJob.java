package org.bangui.application.geo;

import java.util.List;
import java.util.Objects;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.RunRecording;
import org.bangui.application.job.ScheduledJob;
import org.bangui.domain.geo.GeoCacheEntry;

/**
 * {@code geo_cache_flush}: writes the answers this instance found since the last run into the cache table, in
 * batches. Every instance flushes its own memory; a failed write puts the batch back for the next run.
 */
public final class GeoCacheFlushJob extends ScheduledJob {

    private static final int BATCH = 500;

    private final GeoCacheService cache;

    public GeoCacheFlushJob(GeoCacheService cache, JobSchedule schedule) {
        super("geo_cache_flush", schedule, JobScope.EVERY_INSTANCE);
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public RunRecording recording() {
        return RunRecording.UNSUCCESSFUL; // runs every few seconds
    }

    @Override
    public void run(JobContext context) {
        int written = 0;
        List<GeoCacheEntry> batch;
        while (context.stillLeader() && !(batch = cache.drainPending(BATCH)).isEmpty()) {
            try {
                cache.store().saveAll(batch);
            } catch (RuntimeException e) {
                cache.requeue(batch);
                context.detail("written=" + written);
                throw e;
            }
            written += batch.size();
        }
        context.detail("written=" + written);
    }
}
