package org.bangui.application.audit;

import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.session.SessionId;

/**
 * Who made a request: the session (if authenticated) and the client address.
 *
 * @param sessionId the session, empty for unauthenticated requests
 * @param clientIp the client address as resolved from the connection and trusted proxies
 */
public record Actor(Optional<SessionId> sessionId, String clientIp) {

    /** @throws NullPointerException if a component is null */
    public Actor {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    /** An unauthenticated client. */
    public static Actor anonymous(String clientIp) {
        return new Actor(Optional.empty(), clientIp);
    }
}
