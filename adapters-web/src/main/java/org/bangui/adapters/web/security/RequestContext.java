package org.bangui.adapters.web.security;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import org.bangui.application.audit.Actor;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.Session;

/** What the security filter learnt about a request, for the controllers. */
public final class RequestContext {

    static final String ACTOR = "bangui.actor";
    static final String SESSION = "bangui.session";

    private RequestContext() {
    }

    /** Who made the request; set by the filter on every request it passes. */
    public static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(ACTOR, Actor.class)
                .orElseThrow(() -> new IllegalStateException("the security filter did not run"));
    }

    /** The session of an authenticated request. */
    public static Session session(HttpRequest<?> request) {
        return request.getAttribute(SESSION, Session.class).orElseThrow(AuthenticationException::required);
    }

    /** The session of the request once the security filter has admitted it; empty before, or without one. */
    public static Optional<Session> knownSession(HttpRequest<?> request) {
        return request.getAttribute(SESSION, Session.class);
    }
}
