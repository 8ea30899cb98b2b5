package org.bangui.adapters.web.security;

import io.micronaut.http.HttpMethod;
import java.util.Optional;
import org.bangui.application.ratelimit.LimitedAction;

/** Which requests are public, which change state, and which have a rate limit of their own. */
public final class RouteRules {

    private RouteRules() {
    }

    /** Health, liveness and readiness probes: never authenticated, never gated by setup. */
    public static boolean isProbe(String path) {
        return path.equals("/api/v1/health") || path.startsWith("/api/v1/health/")
                || path.equals("/health") || path.startsWith("/health/");
    }

    /** Setup and login: reachable without a session (the services decide whether they may proceed). */
    public static boolean isPublic(HttpMethod method, String path) {
        return isProbe(path)
                || (path.equals("/api/v1/setup") && (method == HttpMethod.GET || method == HttpMethod.HEAD
                        || method == HttpMethod.POST))
                || (path.equals("/api/v1/auth/login") && method == HttpMethod.POST);
    }

    /** Requests that change state must carry the CSRF token when made with the session cookie. */
    public static boolean changesState(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    /** The per-action limit that applies besides the global one, if any. */
    public static Optional<LimitedAction> limitedAction(HttpMethod method, String path) {
        if (method == HttpMethod.POST && path.equals("/api/v1/bans")) {
            return Optional.of(LimitedAction.BAN);
        }
        if ((method == HttpMethod.DELETE && path.startsWith("/api/v1/bans/"))
                || (method == HttpMethod.POST && path.equals("/api/v1/bans/unban"))) {
            return Optional.of(LimitedAction.UNBAN);
        }
        if (path.startsWith("/api/v1/jails/") && ((method == HttpMethod.POST
                && (path.endsWith("/start") || path.endsWith("/stop"))) || (method == HttpMethod.PUT
                && path.endsWith("/idle")))) {
            return Optional.of(LimitedAction.JAIL_OPERATIONS);
        }
        if (changesState(method) && path.startsWith("/api/v1/config/")) {
            return Optional.of(LimitedAction.CONFIG_WRITES);
        }
        if (method == HttpMethod.POST && path.startsWith("/api/v1/blocklists/")) {
            return Optional.of(LimitedAction.BLOCKLIST_IMPORTS);
        }
        return Optional.empty();
    }
}
