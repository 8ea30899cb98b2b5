package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /prometheus} answers a scraper that presents {@code BANGUI_METRICS_TOKEN} as a bearer token, and
 * nobody else: not an anonymous client, not a wrong token, not a logged-in session, under no spelling of the
 * path.
 */
@MicronautTest(transactional = false)
class MetricsEndpointIT extends SandboxedServiceTest {

    private static final String TOKEN = "metrics-it-token-7c1d9e2f4a6b8c0d1e3f";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.metrics-token", TOKEN);
    }

    @Test
    void withoutTheTokenTheEndpointAnswers401Problem() {
        for (Api client : List.of(anonymous, api)) { // a session is no substitute for the token
            Api.Response refused = client.get("/prometheus");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(ProblemChecks.problems(refused)).isEmpty();
            assertThat(refused.json()).containsEntry("code", "bearer_token_required");
            assertThat(refused.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void aWrongTokenIsRefused() {
        for (String authorization : List.of("Bearer " + TOKEN + "0", "Bearer " + TOKEN.substring(1),
                "Basic " + TOKEN, TOKEN, "Bearer ")) {
            Api.Response refused = api.get("/prometheus", "Authorization", authorization);
            assertThat(refused.status()).as(authorization).isEqualTo(401);
            assertThat(ProblemChecks.problems(refused)).as(authorization).isEmpty();
            assertThat(refused.body()).as(authorization).doesNotContain("jvm_");
        }
    }

    @Test
    void theRightTokenGetsRequestTimingsPerRouteTemplateAndJvmMeters() {
        assertThat(api.get("/api/v1/jails/sshd").status()).isEqualTo(200);
        Api.Response metrics = anonymous.get("/prometheus", "Authorization", "Bearer " + TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).containsPattern(
                "(?m)^http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/jails/\\{name}\"")
                .doesNotContain("uri=\"/api/v1/jails/sshd\"")
                .containsPattern("(?m)^jvm_memory_used_bytes\\{")
                .containsPattern("(?m)^process_cpu_usage ");
    }

    @Test
    void noSpellingOfThePathGivesTheMetricsWithoutTheToken() {
        RawHttp raw = new RawHttp(server.getPort(), json); // sends each target exactly as written
        List<List<String>> credentials = List.of(List.of(), List.of("Cookie: bangui_session=" + api.cookie()),
                List.of("Authorization: Bearer wrong-" + TOKEN, "Cookie: bangui_session=" + api.cookie()));
        for (String path : List.of("/prometheus", "/prometheus/", "/Prometheus", "/PROMETHEUS", "/%70rometheus",
                "/%2Fprometheus", "/prometheus;x", "/prometheus?x=1", "//prometheus", "/./prometheus",
                "/api/v1/../prometheus", "/prometheus%00", "http://localhost/prometheus")) {
            for (List<String> headers : credentials) {
                Api.Response response = raw.send("GET", path, headers);
                assertThat(response.status()).as(path + " " + headers).isIn(400, 401, 404);
                assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("http_server_");
            }
        }
        assertThat(raw.send("GET", "/prometheus", List.of("Authorization: Bearer " + TOKEN)).status())
                .as("the same client with the token").isEqualTo(200);
    }
}
