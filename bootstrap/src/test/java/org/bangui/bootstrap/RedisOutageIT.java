package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole service with sessions, rate limits and the scheduler lock on a real, password-protected
 * redis-server that the tests stop and freeze (SIGSTOP): session-dependent calls answer 503
 * {@code session_store_unavailable} (never 401 or 500), health names the reason, and the same session works
 * again once Redis is back, without a restart.
 */
@MicronautTest(transactional = false)
class RedisOutageIT extends SandboxedServiceTest {

    private static final String REDIS_PASSWORD = "it-redis-pw-3c9a51";

    private RedisServerSandbox redis;

    @Override
    protected Map<String, String> extraProperties() {
        if (redis == null) {
            redis = RedisServerSandbox.start(REDIS_PASSWORD);
        }
        // without the 1 s session cache, so that every call below reaches Redis: the outage, not the cache, is
        // what these tests look at (within the cache time a recently validated session is served from memory)
        return Map.of("bangui.session-store", "redis", "bangui.rate-limit-store", "redis",
                "bangui.lock-backend", "redis", "bangui.redis.url", redis.url(), "bangui.redis.timeout", "1s",
                "bangui.session-cache-time", "0s");
    }

    @AfterAll
    void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theSessionLivesInRedisAndHealthReportsRedis() {
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sessions").list("sessions")).isNotEmpty();

        Api.Response health = anonymous.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.list("components")).filteredOn(c -> "redis".equals(c.get("name")))
                .singleElement().satisfies(c -> assertThat(c.get("status")).isEqualTo("up"));
    }

    @Test
    void aStoppedRedisAnswers503AndTheSameSessionWorksWhenItIsBack() {
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);

        redis.stop();
        try {
            assertUnavailable(api.get("/api/v1/jails"), "session_store_unavailable");
            assertUnavailable(api.post("/api/v1/auth/logout", ""), "session_store_unavailable");
            assertRedisDown("is not reachable");
            // the login throttle cannot be checked: refused, not let through
            assertUnavailable(anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}"),
                    "rate_limit_store_unavailable");
        } finally {
            redis.restart();
        }

        Eventually.await("the same session works again", Duration.ofSeconds(20),
                () -> api.get("/api/v1/jails").status() == 200);
    }

    @Test
    void aFrozenRedisAnswers503WithinTheTimeoutAndTheSameSessionWorksWhenItThaws() {
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);

        redis.pause();
        try {
            long started = System.nanoTime();
            assertUnavailable(api.get("/api/v1/jails"), "session_store_unavailable");
            System.out.printf("frozen redis: 503 after %d ms (timeout 1 s)%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertRedisDown("did not answer in time");
        } finally {
            redis.resume();
        }

        Eventually.await("the same session works again", Duration.ofSeconds(20),
                () -> api.get("/api/v1/jails").status() == 200);
    }

    private void assertRedisDown(String reason) {
        Api.Response health = anonymous.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "degraded");
        assertThat(health.list("components")).filteredOn(c -> "redis".equals(c.get("name")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("status", "down")
                        .containsEntry("detail", reason));
        assertThat(health.body()).doesNotContain(REDIS_PASSWORD).doesNotContain("redis://");
    }

    private static void assertUnavailable(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json()).containsEntry("code", code).containsKeys("type", "title", "status", "detail");
        assertThat(response.body()).doesNotContain(REDIS_PASSWORD).doesNotContain("redis://")
                .doesNotContain("Exception").doesNotContain("io.lettuce");
    }
}
