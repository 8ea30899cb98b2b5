package org.bangui.application.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.bangui.application.job.Job;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.domain.history.HistoryArchivePort;

/**
 * {@code history_retention}: deletes archived bans that started more than the retention ago, in batches; open
 * permanent bans are kept whatever their age. Leader only.
 */
public final class HistoryRetentionJob implements Job {

    private static final int BATCH = 5000;

    private final HistoryArchivePort archive;
    private final Clock clock;
    private final JobSchedule schedule;
    private final Duration retention;

    public HistoryRetentionJob(HistoryArchivePort archive, Clock clock, JobSchedule schedule, Duration retention) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public String name() {
        return "history_retention";
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
