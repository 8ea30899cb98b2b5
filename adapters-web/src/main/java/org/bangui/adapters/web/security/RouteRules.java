package org.bangui.adapters.web.security;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Optional;
import java.util.Set;
import org.bangui.application.ratelimit.LimitedAction;

/**
 * The security rules a route declares: whether it is public, whether it is the metrics endpoint, whether it
 * changes state, and its own rate limit. They are read from the annotations of the route a request matched, never from
 * the request's path; a request that matched no route is protected and, unless its method is safe, needs the CSRF
 * token.
 */
public final class RouteRules {

    /** Micronaut management's endpoint annotation, named so that this module need not depend on management. */
    static final String MANAGEMENT_ENDPOINT = "io.micronaut.management.endpoint.annotation.Endpoint";
    /** Management endpoints that answer without a session: the health probes only. */
    static final Set<String> PUBLIC_MANAGEMENT_ENDPOINTS = Set.of("health");
    /** The management endpoint that answers a scraper's bearer token instead of a session. */
    static final String METRICS_ENDPOINT = "prometheus";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private RouteRules() {
    }

    /** Whether {@code route} answers without a session: {@link PublicRoute}, or management's health endpoint. */
    public static boolean isPublic(RouteInfo<?> route) {
        AnnotationMetadata metadata = route.getAnnotationMetadata();
        return metadata.hasAnnotation(PublicRoute.class)
                || metadata.stringValue(MANAGEMENT_ENDPOINT).filter(PUBLIC_MANAGEMENT_ENDPOINTS::contains).isPresent();
    }

    /**
     * Whether {@code route} is management's Prometheus endpoint: it admits only the metrics bearer token, never a
     * session.
     */
    public static boolean isMetrics(RouteInfo<?> route) {
        return route.getAnnotationMetadata().stringValue(MANAGEMENT_ENDPOINT).filter(METRICS_ENDPOINT::equals)
                .isPresent();
    }

    /** The per-action limit {@code route} declares with {@link RateLimited}, if any. */
    public static Optional<LimitedAction> limitedAction(RouteInfo<?> route) {
        return route.getAnnotationMetadata().enumValue(RateLimited.class, LimitedAction.class);
    }

    /**
     * Whether a request must carry the CSRF token: unless both the request's method and the matched route's
     * method are safe (GET, HEAD, OPTIONS, TRACE). Unknown methods count as state-changing.
     */
    public static boolean changesState(HttpMethod requestMethod, Optional<RouteInfo<?>> route) {
        if (!SAFE.contains(requestMethod)) {
            return true;
        }
        return route.filter(UriRouteInfo.class::isInstance)
                .map(r -> !SAFE.contains(((UriRouteInfo<?, ?>) r).getHttpMethod()))
                .orElse(false);
    }
}
