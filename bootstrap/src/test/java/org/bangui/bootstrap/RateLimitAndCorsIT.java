package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Global and per-action rate limits, and CORS for the configured frontend origin. */
@MicronautTest(transactional = false)
class RateLimitAndCorsIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.rate-limit-ban", "3/1m", "bangui.rate-limit-jail-operations", "2/1h",
                "bangui.rate-limit-unban", "2/1h", "bangui.rate-limit-filters", "2/1h",
                "bangui.rate-limit-global", "60/1m", "bangui.trusted-proxies", "127.0.0.1",
                "bangui.cors-allowed-origins", "https://bangui.example.org");
    }

    @Test
    void theFiltersBucketLetsExactlyItsPermitsThroughWhenRequestsRace() throws Exception {
        String body = "{\"failregex\":[\"^Failed for <HOST>$\"],\"lines\":[\"Failed for 192.0.2.7\"]}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> api.post("/api/v1/config/filters/test", body,
                        "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.41")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
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
    void trailingSlashReachesTheBanRouteAndSharesItsBucket() {
        String[] client = {"X-Forwarded-For", "203.0.113.31"};
        for (int i = 1; i <= 3; i++) {
            Api.Response created = api.post("/api/v1/bans/", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.3" + i + "\"}",
                    client);
            assertThat(created.status()).as("ban %d through /bans/", i).isEqualTo(201);
        }
        Api.Response fourth = api.post("/api/v1/bans/", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.34\"}", client);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json()).containsEntry("code", "rate_limited");
        assertThat(api.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.34\"}", client).status())
                .isEqualTo(429);
        assertThat(fail2ban.client("banned", "192.0.2.34")).doesNotContain("blocklist");
    }

    @Test
    void trailingSlashReachesTheUnbanAndJailRoutesAndSharesTheirBuckets() {
        String[] client = {"X-Forwarded-For", "203.0.113.32"};
        // unban: 2 per hour; an address that is not banned still takes a permit (404)
        assertThat(api.post("/api/v1/bans/unban/", "{\"ip\":\"192.0.2.40\"}", client).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/bans/blocklist/192.0.2.40/", client).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/bans/unban/", "{\"ip\":\"192.0.2.40\"}", client).status()).isEqualTo(429);
        assertThat(api.delete("/api/v1/bans/blocklist/192.0.2.40/", client).status()).isEqualTo(429);
        assertThat(api.post("/api/v1/bans/unban", "{\"ip\":\"192.0.2.40\"}", client).status()).isEqualTo(429);

        // jail operations: 2 per hour
        for (int i = 1; i <= 2; i++) {
            assertThat(api.put("/api/v1/jails/sshd/idle/", "{\"idle\":false}", client).status()).as("idle %d", i)
                    .isEqualTo(200);
        }
        String jailsBefore = fail2ban.client("status");
        Api.Response stop = api.post("/api/v1/jails/sshd/stop/", null, client);
        assertThat(stop.status()).isEqualTo(429);
        assertThat(stop.json()).containsEntry("code", "rate_limited");
        assertThat(api.post("/api/v1/jails/sshd/stop", null, client).status()).isEqualTo(429);
        assertThat(fail2ban.client("status")).as("sshd still runs").isEqualTo(jailsBefore).contains("sshd");
    }

    @Test
    void otherSpellingsOfAProtectedPathReachNoRouteAndNeedTheCsrfToken() {
        String[] client = {"X-Forwarded-For", "203.0.113.33"};
        String body = "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.50\"}";
        for (String path : new String[] {"/api/v1/b%61ns", "/api/v1//bans", "/API/v1/bans", "/api/v1/bans;x",
                "/api/v1/bans%2F"}) {
            assertThat(api.post(path, body, client).status()).as(path).isEqualTo(404);
            assertThat(anonymous.post(path, body, client).status()).as("%s without a session", path).isEqualTo(401);
        }
        Api.Response noCsrf = api.withSession(api.cookie(), null).post("/api/v1/bans/", body, client);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.json()).containsEntry("code", "csrf_token_invalid");
        Api.Response lowerCase = api.withSession(api.cookie(), null).send("post", "/api/v1/bans", body, client);
        assertThat(lowerCase.status()).as("a method spelt in lower case").isEqualTo(403);
        assertThat(fail2ban.client("banned", "192.0.2.50")).doesNotContain("blocklist");
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
                "Access-Control-Request-Headers", "content-type,x-csrf-token,x-request-id");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("https://bangui.example.org");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).contains("true");
        Api.Response allowed = api.get("/api/v1/jails", "Origin", "https://bangui.example.org");
        assertThat(allowed.headerValues("Access-Control-Expose-Headers").toLowerCase())
                .contains("retry-after").contains("x-request-id");

        Api.Response foreign = anonymous.send("OPTIONS", "/api/v1/bans", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
        Api.Response foreignGet = api.get("/api/v1/jails", "Origin", "https://evil.example");
        assertThat(foreignGet.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
