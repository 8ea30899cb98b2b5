package org.bangui.domain.job;

import org.bangui.domain.shared.DomainException;

/** The run records could not be read or written. */
public final class JobStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public JobStoreException(String message, Throwable cause) {
        super("job_store_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
