package org.bangui.domain.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a background job.
 *
 * @param id store-assigned, increasing
 * @param job the job's name, such as {@code session_cleanup}
 * @param instance the lock owner id of the process that ran it
 * @param trigger schedule or manual
 * @param startedAt when it started
 * @param finishedAt when it ended; empty while it runs
 * @param outcome how it ended; empty while it runs
 * @param detail a short, printable, path-free summary or failure reason; empty if none
 */
public record JobRun(long id, String job, String instance, JobTrigger trigger, Instant startedAt,
                     Optional<Instant> finishedAt, Optional<JobOutcome> outcome, String detail) {

    /** @throws NullPointerException if any component is null */
    public JobRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether the run has not ended yet. */
    public boolean running() {
        return outcome.isEmpty();
    }
}
