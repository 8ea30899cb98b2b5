package org.bangui.application.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.ScheduledJob;
import org.bangui.domain.geo.GeoCacheEntry;

/**
 * {@code geo_re_resolve}: once the database file has changed, asks the sources again for the stored addresses
 * they could not resolve before, in batches; leader only. Each retried entry is stored with the current
 * database version, so it is not retried again until the next file.
 */
public final class GeoReResolveJob extends ScheduledJob {

    private static final int BATCH = 500;

    private final GeoCacheService cache;

    public GeoReResolveJob(GeoCacheService cache, JobSchedule schedule) {
        super("geo_re_resolve", schedule, JobScope.LEADER);
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void run(JobContext context) {
        if (!cache.canResolve()) {
            context.detail("retried=0 resolved=0 skipped=no_database");
            return;
        }
        String version = cache.databaseVersion();
        int retried = 0;
        int resolved = 0;
        List<GeoCacheEntry> batch;
        while (context.stillLeader() && !(batch = cache.store().unresolvedNotFrom(version, BATCH)).isEmpty()) {
            List<GeoCacheEntry> answers = new ArrayList<>(batch.size());
            for (GeoCacheEntry entry : batch) {
                GeoCacheEntry answer = cache.fresh(entry.address());
                // stored under the version this run retries for, so the loop ends even if the file changes now
                answers.add(new GeoCacheEntry(answer.address(), answer.info(),
                        answer.resolved() ? answer.source() : version, answer.resolvedAt()));
                cache.forget(entry.address());
                resolved += answer.resolved() ? 1 : 0;
            }
            cache.store().saveAll(answers);
            retried += batch.size();
        }
        context.detail("retried=" + retried + " resolved=" + resolved);
    }
}
