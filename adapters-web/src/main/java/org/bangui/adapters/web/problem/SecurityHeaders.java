package org.bangui.adapters.web.problem;

import io.micronaut.http.MutableHttpResponse;

/**
 * The headers every response carries, error documents included: no content sniffing, and no caching (API
 * answers are per-user and may hold tokens) unless a route that serves no per-user data chose its own caching (the web
 * UI's files). Applied by {@link EveryResponseFilter} to what passes the filters and by
 * {@link ProblemResponseProcessor} to the errors Micronaut answers without running them.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /**
     * The request attribute by which a route that serves no per-user data (the web UI's files) keeps the
     * {@code Cache-Control} it set on a successful answer; every other answer is {@code no-store}.
     */
    public static final String OWN_CACHING = "bangui.own-caching";

    /** Sets the headers on {@code response}, replacing any earlier value. */
    public static void apply(MutableHttpResponse<?> response) {
        apply(response, false);
    }

    /** Sets the headers; {@code ownCaching} keeps a successful answer's own {@code Cache-Control}. */
    public static void apply(MutableHttpResponse<?> response, boolean ownCaching) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (!ownCaching || response.code() >= 400 || !response.getHeaders().contains("Cache-Control")) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
    }
}
