package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Global and per-action rate limits, and CORS for the configured frontend origin. */
@MicronautTest(transactional = false)
class RateLimitAndCorsIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.rate-limit-ban", "3/1m", "bangui.rate-limit-jail-operations", "2/1h",
                "bangui.rate-limit-global", "60/1m", "bangui.trusted-proxies", "127.0.0.1",
                "bangui.cors-allowed-origins", "https://bangui.example.org");
    }

    @Test
    void banBucketRefusesTheFourthBanInAMinute() {
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.1" + i + "\"}").status())
                    .isEqualTo(201);
        }
        Api.Response fourth = api.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.14\"}");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json()).containsEntry("code", "rate_limited");
        assertThat(Long.parseLong(fourth.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(fail2ban.client("banned", "192.0.2.14")).doesNotContain("blocklist");
        // other buckets are unaffected
        assertThat(api.delete("/api/v1/bans/blocklist/192.0.2.11").status()).isEqualTo(204);
    }

    @Test
    void globalLimitIsPerClientAddress() {
        String[] client = {"X-Forwarded-For", "203.0.113.200"};
        int allowed = 0;
        Api.Response last = null;
        for (int i = 0; i < 70; i++) {
            last = anonymous.get("/api/v1/health/live", client);
            if (last.status() == 200) {
                allowed++;
            } else {
                break;
            }
        }
        assertThat(allowed).isEqualTo(60);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(anonymous.get("/api/v1/health/live", "X-Forwarded-For", "203.0.113.201").status()).isEqualTo(200);
    }

    @Test
    void corsAllowsTheConfiguredOriginWithCredentialsOnly() {
        Api.Response preflight = anonymous.send("OPTIONS", "/api/v1/bans", null, "Origin",
                "https://bangui.example.org", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-csrf-token");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("https://bangui.example.org");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).contains("true");

        Api.Response foreign = anonymous.send("OPTIONS", "/api/v1/bans", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
        Api.Response foreignGet = api.get("/api/v1/jails", "Origin", "https://evil.example");
        assertThat(foreignGet.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
