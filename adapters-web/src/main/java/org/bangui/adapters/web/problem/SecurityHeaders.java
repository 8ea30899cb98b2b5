package org.bangui.adapters.web.problem;

import io.micronaut.http.MutableHttpResponse;

/**
 * The headers every response carries, error documents included: no content sniffing, and no caching (API
 * answers are per-user and may hold tokens) unless the route chose its own caching (the web UI's files). Applied by {@link EveryResponseFilter} to what passes the
 * filters and by {@link ProblemResponseProcessor} to the errors Micronaut answers without running them.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** Sets the headers on {@code response}; a {@code Cache-Control} set by a successful route is kept. */
    public static void apply(MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (response.code() >= 400 || !response.getHeaders().contains("Cache-Control")) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
    }
}
