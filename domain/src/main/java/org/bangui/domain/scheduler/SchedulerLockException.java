package org.bangui.domain.scheduler;

import org.bangui.domain.shared.DomainException;

/** The lock store (database or Redis) could not be read or written; whether the lock is held is not known. */
public final class SchedulerLockException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SchedulerLockException(String message, Throwable cause) {
        super("scheduler_lock_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
