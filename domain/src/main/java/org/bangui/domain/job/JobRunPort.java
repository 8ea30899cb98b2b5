package org.bangui.domain.job;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps the record of every job run, so that runs survive restarts and every instance can list them.
 * Failures surface as {@link JobStoreException}.
 */
public interface JobRunPort {

    /** Records the start of a run and returns it with its id. */
    JobRun start(String job, String instance, JobTrigger trigger, Instant startedAt);

    /** Records the end of run {@code id}; does nothing if it already ended. */
    void finish(long id, Instant finishedAt, JobOutcome outcome, String detail);

    /**
     * Marks every run that has not ended and was not started by {@code except} as interrupted at {@code now}
     * (its process died or lost the lock while it ran); returns how many.
     */
    int interruptUnfinished(String except, Instant now, String detail);

    /** The newest run of {@code job}, ended or not. */
    Optional<JobRun> latest(String job);

    /**
     * Runs newest first, at most {@code limit}, only of {@code job} if given, only with ids below
     * {@code beforeId} if given (keyset paging).
     */
    JobRunPage list(Optional<String> job, int limit, OptionalLong beforeId);
}
