package org.bangui.application.job;

import org.bangui.domain.shared.DomainException;

/** The job is running already; a job runs at most once at a time. */
public final class JobRunningException extends DomainException {

    private static final long serialVersionUID = 1L;

    public JobRunningException(String job) {
        super("job_running", Category.CONFLICT, "job " + job + " is running already; try again when it has ended");
    }
}
