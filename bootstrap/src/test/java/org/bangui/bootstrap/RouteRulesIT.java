package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bangui.adapters.web.security.RouteRules;
import org.bangui.application.ratelimit.LimitedAction;
import org.junit.jupiter.api.Test;

/**
 * The security rules that the routes declare, read the way the security filter reads them. A route added
 * later fails here until it declares a rate-limit bucket or is added to an allow-list on purpose.
 */
@MicronautTest(transactional = false)
class RouteRulesIT extends SandboxedServiceTest {

    /** State-changing API routes that have no per-action bucket, and why that is acceptable. */
    private static final Set<String> UNLIMITED_STATE_CHANGES = Set.of(
            "POST /api/v1/setup",              // once only, and needs the one-time setup token
            "POST /api/v1/auth/login",         // throttled by the failed-login bucket in the login service
            "POST /api/v1/auth/logout",        // ends the caller's own session
            "DELETE /api/v1/sessions/{id}");   // revokes a session; no effect on fail2ban

    /** The only routes that answer without a session. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/health", "GET /api/v1/health/live", "GET /api/v1/health/ready",
            "HEAD /api/v1/health", "HEAD /api/v1/health/live", "HEAD /api/v1/health/ready",
            "GET /api/v1/setup", "HEAD /api/v1/setup", "POST /api/v1/setup", "POST /api/v1/auth/login",
            // Micronaut management's health endpoint (liveness, readiness)
            "GET /health", "GET /health/{selector}", "HEAD /health", "HEAD /health/{selector}",
            // the web UI's shell and assets: no data, and the setup and login pages must load without a session
            "GET /", "HEAD /", "GET " + UnauthenticatedAccessIT.UI_PAGES, "HEAD " + UnauthenticatedAccessIT.UI_PAGES,
            "GET /assets/{name}", "HEAD /assets/{name}");

    /** The routes that admit the metrics bearer token instead of a session: management's Prometheus endpoint. */
    private static final Set<String> METRICS = Set.of("GET /prometheus", "HEAD /prometheus");

    @Inject
    Router router;

    private List<UriRouteInfo<?, ?>> routes() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).as("the router's routes").hasSizeGreaterThan(15);
        return routes;
    }

    private static String key(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }

    @Test
    void everyStateChangingApiRouteHasARateLimitBucketOrIsAllowListed() {
        List<String> unlimited = new ArrayList<>();
        Set<String> limited = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            String key = key(route);
            if (!key.contains(" /api/v1/") || !Set.of("POST", "PUT", "PATCH", "DELETE")
                    .contains(route.getHttpMethodName())) {
                continue;
            }
            var bucket = RouteRules.limitedAction(route);
            bucket.ifPresent(action -> assertThat(action).as(key)
                    .isNotIn(LimitedAction.GLOBAL, LimitedAction.LOGIN_FAILURES));
            if (bucket.isPresent()) {
                limited.add(key + " " + bucket.get());
            } else if (!UNLIMITED_STATE_CHANGES.contains(key)) {
                unlimited.add(key);
            }
        }
        assertThat(unlimited).as("state-changing routes with neither a bucket nor a reason").isEmpty();
        assertThat(limited).contains("POST /api/v1/bans BAN", "POST /api/v1/bans/unban UNBAN",
                "DELETE /api/v1/bans/{jail}/{ip} UNBAN", "POST /api/v1/jails/{name}/start JAIL_OPERATIONS",
                "POST /api/v1/jails/{name}/stop JAIL_OPERATIONS", "PUT /api/v1/jails/{name}/idle JAIL_OPERATIONS",
                "POST /api/v1/jobs/{name}/run JOBS");
    }

    @Test
    void publicRoutesAreExactlyTheProbesSetupLoginAndTheWebUi() {
        Set<String> found = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            if (RouteRules.isPublic(route)) {
                found.add(key(route));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void onlyThePrometheusEndpointTakesTheMetricsToken() {
        Set<String> found = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            if (RouteRules.isMetrics(route)) {
                found.add(key(route));
                assertThat(RouteRules.isPublic(route)).as(key(route)).isFalse();
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(METRICS);
    }
}
