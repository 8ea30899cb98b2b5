package org.bangui.application.job;

/**
 * Which runs of a job are persisted through {@link org.bangui.domain.job.JobRunPort}. A job that runs every few
 * seconds would otherwise write tens of thousands of rows a day.
 */
public enum RunRecording {
    /** Every run. */
    ALL,
    /**
     * Manual runs, and scheduled runs that did not succeed, the first of a streak only (a store that stays down
     * adds one row, not one per heartbeat). The latest run, persisted or not, is still shown from memory.
     */
    UNSUCCESSFUL
}
