package org.bangui.domain.session;

import org.bangui.domain.shared.DomainException;

/** The session store could not be read or written. */
public final class SessionStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message, Throwable cause) {
        super("session_store_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
