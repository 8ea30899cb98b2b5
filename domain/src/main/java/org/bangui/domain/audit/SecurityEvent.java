package org.bangui.domain.audit;

import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.session.SessionId;

/**
 * A security event for the structured log. Never carries a password, token or secret.
 *
 * @param name one of the {@code *} constants: a stable event name
 * @param sessionId the session concerned, if any
 * @param clientIp the client address, or empty string for events without a client (expiry)
 * @param reason a short machine-readable reason, or empty string
 */
public record SecurityEvent(String name, Optional<SessionId> sessionId, String clientIp, String reason) {

    public static final String LOGIN_SUCCESS = "auth_login_success";
    public static final String LOGIN_FAILURE = "auth_login_failure";
    public static final String SESSION_CREATED = "session_created";
    public static final String SESSION_DESTROYED = "session_destroyed";
    public static final String SESSION_EXPIRED = "session_expired";

    /** @throws NullPointerException if any component is null */
    public SecurityEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(reason, "reason");
    }
}
