package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way the framework itself refuses a request (no route, wrong method, media types, body size, values
 * that do not convert, JSON that does not parse or does not fit) answers a short problem document of our own
 * wording: no Java type, library, configuration key or file path, and no HTML page.
 */
@MicronautTest(transactional = false)
class ErrorBodiesIT extends SandboxedServiceTest {

    private record Case(String method, String path, String body, int status, String code, String detail,
                        String... headers) {
    }

    private static final String ANY = null;

    @Test
    void frameworkErrorsAnswerStableProblemsWithoutInternals() {
        List<Case> cases = List.of(
                new Case("GET", "/api/v1/nothing", null, 404, "not_found", "no such resource"),
                new Case("GET", "/api/v1/nothing", null, 404, "not_found", ANY, "Accept", "text/html"),
                new Case("PATCH", "/api/v1/bans", "{}", 405, "method_not_allowed", ANY),
                new Case("POST", "/api/v1/bans", "jail=sshd", 415, "unsupported_media_type", ANY,
                        "Content-Type", "text/plain"),
                new Case("GET", "/api/v1/bans", null, 406, "not_acceptable", ANY, "Accept", "application/xml"),
                new Case("GET", "/api/v1/bans", null, 406, "not_acceptable", ANY, "Accept", "text/html"),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"" + "x".repeat(70_000) + "\"}", 413, "body_too_large",
                        ANY),
                new Case("GET", "/health/x", null, 400, "invalid_parameter", "invalid value for 'selector'"),
                new Case("GET", "/api/v1/health/x", null, 404, "not_found", ANY),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",", 400, "malformed_json", "malformed JSON body"),
                new Case("POST", "/api/v1/bans", "{\"jail\":tru}", 400, "malformed_json", "malformed JSON body"),
                new Case("POST", "/api/v1/auth/login", "{\"password\": hunter2}", 400, "malformed_json", ANY),
                new Case("POST", "/api/v1/bans", "", 400, "missing_body", "a JSON body is required"),
                new Case("POST", "/api/v1/bans", "null", 400, "missing_body", ANY),
                new Case("POST", "/api/v1/bans", "[1]", 400, "invalid_body", ANY),
                new Case("POST", "/api/v1/bans", "\"sshd\"", 400, "invalid_body", ANY),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1\",\"zzz\":1}", 400,
                        "unknown_field", "unknown field 'zzz'"),
                new Case("PUT", "/api/v1/jails/sshd/idle", "{\"idle\":true,\"x\":{\"y\":[1]}}", 400, "unknown_field",
                        "unknown field 'x'"),
                new Case("POST", "/api/v1/bans/unban", "{\"ip\":\"192.0.2.1\",\"all\":true}", 400, "unknown_field",
                        "unknown field 'all'"),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1\",\"a b\":1}", 400,
                        "unknown_field", ANY));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Api.Response response = api.send(c.method(), c.path(), c.body(), c.headers());
            String shown = c.method() + " " + c.path().substring(0, Math.min(40, c.path().length()))
                    + (c.headers().length > 0 ? " " + String.join(": ", c.headers()) : "");
            List<String> wrong = new ArrayList<>(ProblemChecks.problems(response));
            if (response.status() != c.status()) {
                wrong.add("status " + response.status() + " instead of " + c.status());
            } else if (wrong.isEmpty()) {
                if (c.code() != null && !c.code().equals(response.json().get("code"))) {
                    wrong.add("code " + response.json().get("code"));
                }
                if (c.detail() != null && !c.detail().equals(response.json().get("detail"))) {
                    wrong.add("detail " + response.json().get("detail"));
                }
            }
            if (!wrong.isEmpty()) {
                failures.add(shown + " -> " + wrong + " in " + abbreviate(response.body()));
            }
        }
        assertThat(failures).as("framework errors answered wrongly").isEmpty();
    }

    @Test
    void headAnswersCarryTheSecurityHeadersToo() {
        Api.Response response = api.send("HEAD", "/api/v1/nothing", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
