package org.bangui.application.job;

import org.bangui.domain.shared.DomainException;

/** No job has the given name. */
public final class UnknownJobException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownJobException() {
        super("unknown_job", Category.NOT_FOUND, "no job has this name");
    }
}
