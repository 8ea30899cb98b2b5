package org.bangui.application.job;

import java.time.Duration;
import org.bangui.domain.job.JobOutcome;

/**
 * Told about every job run the {@link JobRunner} ends, for operational figures (metrics). Called on the job's
 * thread after the run is recorded; an implementation must be quick and must not throw.
 */
public interface JobObserver {

    /** Observes nothing. */
    JobObserver NONE = (job, outcome, took) -> { };

    /**
     * A run of {@code job} ended.
     *
     * @param job the job's name, one of the registered names
     * @param outcome how it ended; {@code skipped} runs (the previous run still going) take no time
     * @param took from the run's start to its end, never negative
     */
    void finished(String job, JobOutcome outcome, Duration took);
}
