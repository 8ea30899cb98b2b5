package org.bangui.application.job;

/** Where a job runs when several instances share one store. */
public enum JobScope {
    /**
     * Only on the instance that holds the scheduler lock: jobs that change shared state (sessions, history,
     * imports) and must not run twice.
     */
    LEADER,
    /**
     * On every instance, lock or not: the lock heartbeat (it is how a standby takes over), the health check
     * (each instance serves its own health) and clean-up of per-process memory such as the rate limiter.
     */
    EVERY_INSTANCE
}
