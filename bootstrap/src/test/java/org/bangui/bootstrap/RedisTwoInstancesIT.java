package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bangui.adapters.redis.RedisRateLimitAdapter;
import org.bangui.adapters.redis.RedisSchedulerLockAdapter;
import org.bangui.adapters.redis.RedisSessionAdapter;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.contract.Eventually;
import org.bangui.domain.contract.Race;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.bangui.domain.session.SessionPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two BanGUI instances (A: the test's server, B: a second application context) on one Redis, sharing the
 * session secret as instances behind one address must: a session from either works on both, a logout or
 * revocation on one is refused on the other within a second, and the login throttle counts across both.
 */
@MicronautTest(transactional = false)
class RedisTwoInstancesIT extends SandboxedServiceTest {

    private static final String SECRET = "it-shared-session-secret-0123456789abcdef";

    private RedisServerSandbox redis;
    private EmbeddedServer serverB;
    private Api anonymousB;

    @Override
    protected Map<String, String> extraProperties() {
        if (redis == null) {
            redis = RedisServerSandbox.start();
        }
        return Map.of("bangui.session-store", "redis", "bangui.rate-limit-store", "redis",
                "bangui.lock-backend", "redis", "bangui.redis.url", redis.url(), "bangui.session-secret", SECRET,
                "bangui.trusted-proxies", "127.0.0.1/32, ::1");
    }

    @BeforeAll
    void startInstanceB() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        serverB = ApplicationContext.run(EmbeddedServer.class, properties);
        anonymousB = new Api(serverB.getURI(), json);
    }

    @AfterAll
    void stopInstanceBAndRedis() {
        if (serverB != null) {
            serverB.getApplicationContext().close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private Api onB(Api session) {
        return anonymousB.withSession(session.cookie(), session.csrf());
    }

    @Test
    void eachPortHasExactlyTheRedisAdapter() {
        ApplicationContext context = serverB.getApplicationContext();
        assertThat(context.getBeansOfType(SessionPort.class)).singleElement().isInstanceOf(RedisSessionAdapter.class);
        assertThat(context.getBeansOfType(SchedulerLockPort.class)).singleElement()
                .isInstanceOf(RedisSchedulerLockAdapter.class);
        assertThat(context.getBeansOfType(RateLimitPort.class)).singleElement()
                .isInstanceOf(RedisRateLimitAdapter.class);
    }

    @Test
    void aSessionMadeOnEitherInstanceWorksOnBoth() {
        assertThat(onB(api).get("/api/v1/jails").status()).isEqualTo(200);

        Api fromB = anonymousB.login(PASSWORD);
        Api fromBOnA = anonymous.withSession(fromB.cookie(), fromB.csrf());
        assertThat(fromBOnA.get("/api/v1/auth/session").status()).isEqualTo(200);
    }

    @Test
    void aLogoutOnAIsRefusedOnBWithinOneSecond() {
        Api session = anonymous.login(PASSWORD);
        assertThat(onB(session).get("/api/v1/jails").status()).isEqualTo(200);

        assertThat(session.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        long loggedOut = System.nanoTime();

        Eventually.await("B refuses the session", Duration.ofSeconds(1),
                () -> onB(session).get("/api/v1/jails").status() == 401);
        System.out.printf("logout on A refused on B after %d ms%n", (System.nanoTime() - loggedOut) / 1_000_000);
    }

    @Test
    void aRevocationOnBIsRefusedOnAWithinOneSecond() {
        Api victim = anonymous.login(PASSWORD);
        String id = (String) victim.get("/api/v1/auth/session").json().get("id");
        assertThat(victim.get("/api/v1/jails").status()).isEqualTo(200);

        assertThat(onB(api).delete("/api/v1/sessions/" + id).status()).isEqualTo(204);

        Eventually.await("A refuses the revoked session", Duration.ofSeconds(1),
                () -> victim.get("/api/v1/jails").status() == 401);
    }

    @Test
    void theLoginThrottleCountsAcrossBothInstances() {
        String[] attacker = {"X-Forwarded-For", "203.0.113.70"};
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api target = i % 2 == 0 ? anonymous : anonymousB;
            attempts.add(() -> target.post("/api/v1/auth/login", "{\"password\":\"not the password\"}", attacker)
                    .status());
        }

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Race.run(attempts).forEach(status -> byStatus.merge(status, 1, Integer::sum));

        assertThat(byStatus).containsOnlyKeys(401, 429).containsEntry(401, 5).containsEntry(429, 15);
    }
}
