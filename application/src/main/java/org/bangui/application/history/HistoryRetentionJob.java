package org.bangui.application.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.ScheduledJob;
import org.bangui.domain.history.HistoryArchivePort;

/**
 * {@code history_retention}: deletes archived bans that started more than the retention ago, in batches; open
 * permanent bans are kept whatever their age. Leader only.
 */
public final class HistoryRetentionJob extends ScheduledJob {

    private static final int BATCH = 5000;

    private final HistoryArchivePort archive;
    private final Clock clock;
    private final Duration retention;

    public HistoryRetentionJob(HistoryArchivePort archive, Clock clock, JobSchedule schedule, Duration retention) {
        super("history_retention", schedule, JobScope.LEADER);
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public void run(JobContext context) {
        var cutoff = clock.instant().minus(retention);
        int deleted = 0;
        int batch;
        do {
            batch = archive.purgeStartedBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH && context.stillLeader());
        context.detail("deleted=" + deleted);
    }
}
