package org.bangui.domain.session;

import org.bangui.domain.shared.DomainException;

/** No active session has that id. */
public final class SessionNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SessionNotFoundException(SessionId id) {
        super("session_not_found", Category.NOT_FOUND, "no active session " + id);
    }
}
