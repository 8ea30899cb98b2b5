package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /prometheus} answers a scraper that presents {@code BANGUI_METRICS_TOKEN} as a bearer token, and
 * nobody else: not an anonymous client, not a wrong token, not a logged-in session, under no spelling of the
 * path. BanGUI's own series move with what happens through the API, by exactly what happened.
 */
@MicronautTest(transactional = false)
class MetricsEndpointIT extends SandboxedServiceTest {

    private static final String TOKEN = "metrics-it-token-7c1d9e2f4a6b8c0d1e3f";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.metrics-token", TOKEN,
                // every scrape counts the sessions anew, so that a login shows at once
                "bangui.metrics.session-count-interval", "1ms",
                // the health check runs once at start only: the test's manual run is the only other one
                "bangui.jobs.health-check-interval", "1h",
                "bangui.rate-limit-filters", "1/1h");
    }

    @Test
    void withoutTheTokenTheEndpointAnswers401Problem() {
        for (Api client : List.of(anonymous, api)) { // a session is no substitute for the token
            Api.Response refused = client.get("/prometheus");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(ProblemChecks.problems(refused)).isEmpty();
            assertThat(refused.json()).containsEntry("code", "bearer_token_required");
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer realm=\"bangui-metrics\"");
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

    @Test
    void theLatencyOfRequestsIsAHistogramWithAFewFixedBuckets() {
        assertThat(api.get("/api/v1/jails/sshd").status()).isEqualTo(200);
        String body = scrape().body();
        assertThat(body).containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*status=\"200\"[^}]*"
                + "uri=\"/api/v1/jails/\\{name}\",le=\"0\\.005\"}");
        long buckets = body.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
                && l.contains("uri=\"/api/v1/jails/{name}\"") && l.contains("status=\"200\"")).count();
        assertThat(buckets).as("11 bounds and +Inf").isEqualTo(12);
    }

    @Test
    void banUnbanRefusalLoginAndJobRunMoveTheirSeriesByExactlyWhatHappened() {
        awaitStartupHealthCheck();
        PrometheusText before = new PrometheusText(scrape().body());

        assertThat(api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.77\"}").status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/bans/sshd/192.0.2.77").status()).isEqualTo(204);
        String filterTest = "{\"failregex\":[\"^Failed for <HOST>$\"],\"lines\":[\"Failed for 192.0.2.7\"]}";
        assertThat(api.post("/api/v1/config/filters/test", filterTest).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/config/filters/test", filterTest).status()).isEqualTo(429);
        anonymous.login(PASSWORD);
        runHealthCheck();

        PrometheusText after = new PrometheusText(scrape().body());
        assertDelta(before, after, 1, "bangui_bans_total", "origin", "manual");
        assertDelta(before, after, 1, "bangui_unbans_total", "origin", "manual");
        assertDelta(before, after, 0, "bangui_bans_total", "origin", "blocklist");
        assertDelta(before, after, 1, "bangui_fail2ban_command_duration_seconds_count", "command", "set.banip");
        assertDelta(before, after, 1, "bangui_fail2ban_command_duration_seconds_count", "command", "set.unbanip");
        assertDelta(before, after, 1, "bangui_rate_limit_refusals_total", "bucket", "filters");
        assertDelta(before, after, 0, "bangui_rate_limit_refusals_total", "bucket", "ban");
        assertDelta(before, after, 1, "bangui_sessions_active");
        assertDelta(before, after, 1, "bangui_job_duration_seconds_count", "job", "health_check", "outcome",
                "succeeded");
        assertThat(after.value("bangui_job_running", "job", "health_check")).isZero();
        assertThat(after.value("bangui_scheduler_leader")).isEqualTo(1);
        assertThat(after.value("bangui_external_logging_init_failures_total")).isZero();
        assertThat(after.value("bangui_blocklist_imports_total", "outcome", "succeeded")).isZero();
        // no address, jail or user input in a label: only the fixed verbs
        assertThat(scrape().body()).doesNotContain("192.0.2.77").doesNotContain("command=\"sshd");
    }

    /** Waits for the run of health_check at start, so that it cannot end between the two scrapes. */
    @SuppressWarnings("unchecked")
    private void awaitStartupHealthCheck() {
        while (true) {
            Map<String, Object> job = api.get("/api/v1/jobs").list("jobs").stream()
                    .filter(j -> "health_check".equals(j.get("name"))).findFirst().orElseThrow();
            if (job.get("lastRun") != null && Boolean.FALSE.equals(job.get("running"))) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private void runHealthCheck() {
        long run = ((Number) api.post("/api/v1/jobs/health_check/run", null).json().get("runId")).longValue();
        Api.Response runs;
        do { // the run ends in the background
            runs = api.get("/api/v1/jobs/runs?job=health_check&limit=1");
        } while (((Number) runs.list("runs").get(0).get("id")).longValue() != run
                || runs.list("runs").get(0).get("outcome") == null);
        assertThat(runs.list("runs").get(0)).containsEntry("outcome", "succeeded");
    }

    private Api.Response scrape() {
        Api.Response metrics = anonymous.get("/prometheus", "Authorization", "Bearer " + TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        return metrics;
    }

    private static void assertDelta(PrometheusText before, PrometheusText after, double delta, String name,
                                    String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels)).as(name + " " + List.of(labels))
                .isEqualTo(delta);
    }
}
