package org.bangui.application.job;

/**
 * A background job owned by the {@link JobRunner}. Implementations do their work in {@link #run}; the runner
 * guarantees at most one run at a time, records it, and turns an exception into a {@code failed} run.
 */
public interface Job {

    /** A stable lower-case name such as {@code session_cleanup}; used in the API, the logs and the run records. */
    String name();

    /** When the job runs on its own. */
    JobSchedule schedule();

    /** Whether it runs only on the lock holder or on every instance. */
    JobScope scope();

    /** Which runs are persisted; {@link RunRecording#ALL} unless the job runs every few seconds. */
    default RunRecording recording() {
        return RunRecording.ALL;
    }

    /**
     * Does the work once. A thrown exception marks the run {@code failed} with the exception's message as
     * detail; an interrupt (shutdown timeout) marks it {@code interrupted}.
     */
    void run(JobContext context) throws InterruptedException;
}
