package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that fail before any route is chosen: Netty cannot read them (line or headers too long), their
 * target does not parse (a bad escape), or the CORS filter refuses them. Each answers a problem document with
 * the precise status, the security headers, and never the placeholder Netty puts in place of an unreadable
 * request. Sent over a raw socket, since the JDK client refuses to send most of them.
 */
@MicronautTest(transactional = false)
class ProtocolErrorsIT extends SandboxedServiceTest {

    private RawHttp raw;
    private String cookie;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.cors-allowed-origins", "https://bangui.example.org");
    }

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(server.getPort(), json);
        cookie = "Cookie: bangui_session=" + api.cookie();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header(":status-line")).hasValueSatisfying(line -> assertThat(line)
                .startsWith("HTTP/1.1 " + status));
        assertThat(ProblemChecks.problems(response)).as(response.toString()).isEmpty();
        assertThat(response.json()).containsEntry("code", code);
    }

    @Test
    void urlTooLongAnswers414WithoutEchoingTheUrl() {
        String longQuery = "q=" + "a".repeat(5_000);
        Api.Response response = raw.send("GET", "/api/v1/jails?" + longQuery, List.of(cookie));
        assertProblem(response, 414, "uri_too_long");
        assertThat(response.body()).doesNotContain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(response.json().get("instance")).isNull();
    }

    @Test
    void tooManyHeadersAnswer431() {
        List<String> headers = new ArrayList<>(List.of(cookie));
        for (int i = 0; i < 200; i++) {
            headers.add("X-Filler-" + i + ": " + "v".repeat(80));
        }
        Api.Response response = raw.send("GET", "/api/v1/jails", headers);
        assertProblem(response, 431, "headers_too_large");
    }

    @Test
    void badPercentEscapeAnswers400EvenWithAValidSession() {
        for (String target : List.of("/api/v1/jails/%ZZ", "/api/v1/audit?since=%ZZ", "/api/v1/jails/%", "/api/v1/b%6",
                "/api/v1/bans?ip=%G1", "/api/v1/jails/a%20b%zz/stop")) {
            Api.Response response = raw.send("GET", target, List.of(cookie));
            assertProblem(response, 400, "malformed_uri");
        }
        // the same session is fine with a well-formed target
        assertThat(raw.send("GET", "/api/v1/jails", List.of(cookie)).status()).isEqualTo(200);
    }

    @Test
    void foreignOriginIsRefusedWithAProblemDocument() {
        Api.Response refused = raw.send("GET", "/api/v1/jails", List.of(cookie, "Origin: https://evil.example"));
        assertProblem(refused, 403, "cors_not_allowed");
        Api.Response preflight = raw.send("OPTIONS", "/api/v1/bans", List.of("Origin: https://evil.example",
                "Access-Control-Request-Method: POST"));
        assertProblem(preflight, 403, "cors_not_allowed");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();

        Api.Response allowed = raw.send("GET", "/api/v1/jails", List.of(cookie, "Origin: https://bangui.example.org"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://bangui.example.org");
        assertThat(allowed.header("X-Content-Type-Options")).contains("nosniff");
    }
}
