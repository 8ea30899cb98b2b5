package org.bangui.domain.audit;

import org.bangui.domain.shared.DomainException;

/** The audit trail could not be read or written. */
public final class AuditStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AuditStoreException(String message, Throwable cause) {
        super("audit_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
