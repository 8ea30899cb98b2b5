package org.bangui.domain.session;

import org.bangui.domain.shared.DomainException;

/** No valid session: missing, malformed, forged, revoked or expired. The message never says which. */
public final class AuthenticationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String code, String message) {
        super(code, Category.UNAUTHENTICATED, message);
    }

    /** The generic answer to a missing or invalid session. */
    public static AuthenticationException required() {
        return new AuthenticationException("authentication_required", "a valid session is required");
    }

    /** The answer to a metrics request without the right bearer token, whatever was wrong with it. */
    public static AuthenticationException bearerTokenRequired() {
        return new AuthenticationException("bearer_token_required", "a valid bearer token is required");
    }

    /** The generic answer to a wrong password. */
    public static AuthenticationException badCredentials() {
        return new AuthenticationException("invalid_credentials", "the password is not correct");
    }
}
