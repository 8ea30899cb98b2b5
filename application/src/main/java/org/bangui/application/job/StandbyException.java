package org.bangui.application.job;

import org.bangui.domain.shared.DomainException;

/** This instance does not hold the scheduler lock (or its scheduler is disabled), so it runs no jobs on request. */
public final class StandbyException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** @param explanation who leads instead, such as {@code the scheduler lock is held by host:12:ab} */
    public StandbyException(String explanation) {
        super("standby", Category.CONFLICT, "this instance does not run jobs: " + explanation);
    }
}
