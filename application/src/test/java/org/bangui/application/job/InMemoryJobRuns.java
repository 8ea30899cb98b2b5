package org.bangui.application.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bangui.domain.job.JobOutcome;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.job.JobTrigger;

/** An in-memory {@link JobRunPort}. */
final class InMemoryJobRuns implements JobRunPort {

    private final List<JobRun> runs = new ArrayList<>();
    /** When set, start and finish throw it: a failure that is not the port's own exception type. */
    volatile RuntimeException failing;
    /** When set, latest throws it: a store that cannot be read. */
    volatile RuntimeException unreadable;

    @Override
    public synchronized JobRun start(String job, String instance, JobTrigger trigger, Instant startedAt) {
        if (failing != null) {
            throw failing;
        }
        JobRun run = new JobRun(runs.size() + 1, job, instance, trigger, startedAt, Optional.empty(),
                Optional.empty(), "");
        runs.add(run);
        return run;
    }

    @Override
    public synchronized void finish(long id, Instant finishedAt, JobOutcome outcome, String detail) {
        if (failing != null) {
            throw failing;
        }
        JobRun r = runs.get((int) id - 1);
        if (r.running()) {
            runs.set((int) id - 1, new JobRun(id, r.job(), r.instance(), r.trigger(), r.startedAt(),
                    Optional.of(finishedAt), Optional.of(outcome), detail));
        }
    }

    @Override
    public synchronized int interruptUnfinished(String except, Instant now, String detail) {
        int count = 0;
        for (JobRun r : List.copyOf(runs)) {
            if (r.running() && !r.instance().equals(except)) {
                finish(r.id(), now, JobOutcome.INTERRUPTED, detail);
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized Optional<JobRun> latest(String job) {
        if (unreadable != null) {
            throw unreadable;
        }
        return runs.stream().filter(r -> r.job().equals(job)).max(Comparator.comparingLong(JobRun::id));
    }

    @Override
    public synchronized JobRunPage list(Optional<String> job, int limit, OptionalLong beforeId) {
        List<JobRun> matching = runs.stream().filter(r -> job.map(r.job()::equals).orElse(true))
                .filter(r -> beforeId.isEmpty() || r.id() < beforeId.getAsLong())
                .sorted(Comparator.comparingLong(JobRun::id).reversed()).toList();
        List<JobRun> page = matching.stream().limit(limit).toList();
        return new JobRunPage(page, matching.size() > limit ? OptionalLong.of(page.get(page.size() - 1).id())
                : OptionalLong.empty());
    }

    synchronized List<JobRun> all() {
        return List.copyOf(runs);
    }
}
