package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The login throttle per client address. The test client connects from 127.0.0.1, which is configured as a
 * trusted proxy here, so X-Forwarded-For names the client.
 */
@MicronautTest(transactional = false)
class LoginThrottleIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.trusted-proxies", "127.0.0.1/32, ::1");
    }

    private Api.Response badLogin(String... headers) {
        return anonymous.post("/api/v1/auth/login", "{\"password\":\"not the password\"}", headers);
    }

    @Test
    void sixthBadLoginFromOneAddressIsThrottledAndOtherClientsAreNot() {
        String[] attacker = {"X-Forwarded-For", "203.0.113.50"};
        for (int i = 1; i <= 5; i++) {
            Api.Response response = badLogin(attacker);
            assertThat(response.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(response.json()).containsEntry("code", "invalid_credentials")
                    .containsEntry("detail", "the password is not correct");
        }
        Api.Response throttled = badLogin(attacker);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json()).containsEntry("code", "login_throttled");
        assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);
        // even the right password waits: the throttle comes before the password check
        assertThat(anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}", attacker).status())
                .isEqualTo(429);

        // another client behind the same trusted proxy
        assertThat(badLogin("X-Forwarded-For", "203.0.113.51").status()).isEqualTo(401);
        assertThat(anonymous.login(PASSWORD, "X-Forwarded-For", "203.0.113.51").get("/api/v1/jails").status())
                .isEqualTo(200);
        // the proxy's own address, and a client whose address is given in a chain of proxies
        assertThat(badLogin().status()).isEqualTo(401);
        assertThat(badLogin("X-Forwarded-For", "203.0.113.50, 198.51.100.20").status()).isEqualTo(401);
        // the attacker's address at the end of a chain that ends at the trusted proxy is still the attacker
        assertThat(badLogin("X-Forwarded-For", "198.51.100.99, 203.0.113.50, 127.0.0.1").status()).isEqualTo(429);
    }

    @Test
    void hundredParallelWrongLoginsFromOneAddressGetAtMostFive401AndTheRest429() throws Exception {
        String[] attacker = {"X-Forwarded-For", "203.0.113.60"};
        int attempts = 100;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return badLogin(attacker);
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(120, TimeUnit.SECONDS);
                byStatus.merge(response.status(), 1, Integer::sum);
                if (response.status() == 429) {
                    assertThat(response.json()).containsEntry("code", "login_throttled");
                    assertThat(response.header("Retry-After")).isPresent();
                }
            }
            assertThat(byStatus.getOrDefault(401, 0)).as("answers by status: %s", byStatus).isLessThanOrEqualTo(5);
            assertThat(byStatus.getOrDefault(401, 0) + byStatus.getOrDefault(429, 0))
                    .as("answers by status: %s", byStatus).isEqualTo(attempts);
        } finally {
            pool.shutdownNow();
        }
        // the allowance is used up: the right password waits too
        assertThat(anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}", attacker).status())
                .isEqualTo(429);
    }

    @Test
    void failedLoginsAreAuditedWithTheClientAddress() {
        badLogin("X-Forwarded-For", "2001:db8::77");
        List<Map<String, Object>> entries = api.get("/api/v1/audit?action=login&limit=50").list("entries");
        assertThat(entries).anySatisfy(entry -> assertThat(entry).containsEntry("clientIp", "2001:db8::77")
                .containsEntry("outcome", "failure").containsEntry("detail", "invalid_credentials"));
    }
}
