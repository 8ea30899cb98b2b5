package org.bangui.domain.session;

import org.bangui.domain.shared.DomainException;

/** The request is refused although the caller may be authenticated. */
public final class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, Category.FORBIDDEN, message);
    }

    /** A state-changing request without the session's CSRF token. */
    public static ForbiddenException csrf() {
        return new ForbiddenException("csrf_token_invalid",
                "state-changing requests must carry the session's X-CSRF-Token header");
    }
}
