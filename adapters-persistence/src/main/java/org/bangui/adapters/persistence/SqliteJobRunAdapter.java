package org.bangui.adapters.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.bangui.domain.job.JobOutcome;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.job.JobStoreException;
import org.bangui.domain.job.JobTrigger;

/** {@link JobRunPort} on the {@code job_run} table; reads use a plain connection (see SqliteSessionAdapter). */
@Singleton
public class SqliteJobRunAdapter implements JobRunPort {

    private final JobRunRepository repository;

    SqliteJobRunAdapter(JobRunRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public JobRun start(String job, String instance, JobTrigger trigger, Instant startedAt) {
        return run("cannot record the start of a job run", () -> toRun(repository.save(new JobRunRow(null, job,
                instance, trigger.code(), startedAt.toEpochMilli(), null, null, ""))));
    }

    @Override
    @Transactional
    public void finish(long id, Instant finishedAt, JobOutcome outcome, String detail) {
        run("cannot record the end of a job run",
                () -> repository.finishRun(id, finishedAt.toEpochMilli(), outcome.code(), detail));
    }

    @Override
    @Transactional
    public int interruptUnfinished(String except, Instant now, String detail) {
        return run("cannot mark unfinished job runs",
                () -> repository.interruptUnfinished(except, now.toEpochMilli(), detail));
    }

    @Override
    @Connectable
    public Optional<JobRun> latest(String job) {
        return run("cannot read job runs", () -> repository.page(job, null, 1).stream().findFirst()
                .map(SqliteJobRunAdapter::toRun));
    }

    @Override
    @Connectable
    public JobRunPage list(Optional<String> job, int limit, OptionalLong beforeId) {
        return run("cannot read job runs", () -> {
            // one row more than asked tells whether another page follows
            List<JobRunRow> rows = repository.page(job.orElse(null),
                    beforeId.isPresent() ? beforeId.getAsLong() : null, limit + 1);
            List<JobRun> page = rows.stream().limit(limit).map(SqliteJobRunAdapter::toRun).toList();
            return new JobRunPage(page, rows.size() > limit ? OptionalLong.of(page.get(page.size() - 1).id())
                    : OptionalLong.empty());
        });
    }

    private static <T> T run(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new JobStoreException(what, e);
        }
    }

    private static JobRun toRun(JobRunRow r) {
        return new JobRun(r.id(), r.job(), r.instance(), JobTrigger.ofCode(r.runTrigger()),
                Instant.ofEpochMilli(r.startedAt()), Optional.ofNullable(r.finishedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(r.outcome()).map(JobOutcome::ofCode), r.detail());
    }
}
