package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every route the router knows, called without a session, answers 401, apart from an explicit list: the
 * probes, setup, login and the web UI's shell and assets (they hold no data; the app calls the protected API).
 * A route added later fails this test until it is protected or added here on purpose.
 */
@MicronautTest(transactional = false)
class UnauthenticatedAccessIT extends SandboxedServiceTest {

    /** The web UI's page paths: each of them serves the app shell. */
    static final String UI_PAGES = "/{page:dashboard|jails|bans|history|blocklists|config|jobs|audit|settings"
            + "|login|setup}{/rest:/.*}";

    /** The only routes reachable without a session: method and path template. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/health", "GET /api/v1/health/live", "GET /api/v1/health/ready",
            "HEAD /api/v1/health", "HEAD /api/v1/health/live", "HEAD /api/v1/health/ready",
            "GET /api/v1/setup", "HEAD /api/v1/setup", "POST /api/v1/setup", "POST /api/v1/auth/login",
            "GET /", "HEAD /", "GET " + UI_PAGES, "HEAD " + UI_PAGES, "GET /assets/{name}", "HEAD /assets/{name}");

    @Inject
    Router router;

    @Test
    void everyRouteButProbesSetupAndLoginAnswers401WithoutASession() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).as("the router's routes").hasSizeGreaterThan(15);
        List<String> unprotected = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : routes) {
            String template = route.getUriMatchTemplate().toString();
            String key = route.getHttpMethodName() + " " + template;
            if (PUBLIC.contains(key) || isManagementProbe(template)) {
                continue;
            }
            String path = template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", "x1");
            String method = route.getHttpMethodName();
            String body = method.equals("GET") || method.equals("HEAD") ? null : "{}";
            Api.Response response = anonymous.send(method, path, body);
            checked++;
            // HEAD answers carry no body, so only their status can be checked
            boolean problem = method.equals("HEAD") || response.contentType().startsWith("application/problem+json");
            if (response.status() != 401 || !problem) {
                unprotected.add(key + " -> " + response.status());
            }
        }
        assertThat(unprotected).as("routes reachable without a session").isEmpty();
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void publicRoutesAnswerWithoutASession() {
        assertThat(anonymous.get("/api/v1/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", true);
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"x\",\"password\":\"y\"}").status())
                .isEqualTo(409);
        assertThat(anonymous.post("/api/v1/auth/login", "{\"password\":\"wrong password\"}").status())
                .isEqualTo(401);
        for (String page : List.of("/", "/dashboard", "/jails/sshd")) {
            Api.Response shell = anonymous.get(page);
            assertThat(shell.status()).as(page).isEqualTo(200);
            assertThat(shell.contentType()).as(page).startsWith("text/html");
        }
        assertThat(anonymous.send("HEAD", "/dashboard", null).status()).isEqualTo(200);
        assertThat(anonymous.get("/assets/missing-0000.js").status()).isEqualTo(404);
    }

    /** Protected by a bearer token, not a session; with no BANGUI_METRICS_TOKEN set (as here) nobody gets in. */
    @Test
    void prometheusAnswers401ToEveryoneWithoutAConfiguredToken() {
        for (Api client : List.of(anonymous, api)) {
            for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer "},
                    new String[] {"Authorization", "Bearer " + "x".repeat(40)})) {
                Api.Response refused = client.get("/prometheus", headers);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("jvm_");
            }
        }
    }

    @Test
    void pathsNextToTheUiPagesAreNotPublic() {
        for (String path : List.of("/dashboardx", "/jailsx/sshd", "/nope", "/api/v1/nope", "/assets", "/assets/")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void staticOpenApiDocumentNeedsASessionToo() {
        assertThat(anonymous.get("/api/v1/openapi/bangui-v1.yml").status()).isEqualTo(401);
        Api.Response spec = api.get("/api/v1/openapi/bangui-v1.yml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/bans").contains("/api/v1/auth/login");
    }

    @Test
    void refusedAndAcceptedResponsesCarryTheSecurityHeaders() {
        Api.Response refused = anonymous.get("/api/v1/jails");
        assertThat(refused.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(refused.header("Cache-Control")).contains("no-store");
        Api.Response accepted = api.get("/api/v1/jails");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(accepted.header("Cache-Control")).contains("no-store");
    }

    private static boolean isManagementProbe(String template) {
        return template.equals("/health") || template.startsWith("/health/");
    }
}
