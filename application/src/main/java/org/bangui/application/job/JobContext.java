package org.bangui.application.job;

/** What a running job may ask of the runner. */
public interface JobContext {

    /**
     * Whether the job may go on: false once a leader-only job's instance lost the scheduler lock, or once the
     * service shuts down. Long jobs check it between batches and return early when it is false.
     */
    boolean stillLeader();

    /** Sets the run's detail: a short, printable summary such as {@code expired=3}; never a secret or a path. */
    void detail(String detail);
}
