package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two real service processes on one database file and one Redis, with the scheduler lock on SQLite or on
 * Redis: exactly one leads; after kill -9 of the leader the standby takes over once the lock lapses; after
 * SIGTERM the leader releases the lock and the standby takes over at its next heartbeat. The precise takeover
 * times are measured by scripts/bench.sh; here the deadlines only keep a broken takeover from hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderFailoverIT {

    private static final String TOKEN = "failover-it-setup-token-5e21";
    private static final String PASSWORD = "failover test password";
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration TTL = Duration.ofSeconds(3);
    /** Room for a loaded 2-core machine on top of TTL + one heartbeat; the benchmark reports the real figure. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    private Path workDir;
    private Fail2banSandbox fail2ban;
    private RedisServerSandbox redis;

    @BeforeAll
    void startDependencies() throws Exception {
        workDir = Files.createTempDirectory("bangui-failover-it-");
        fail2ban = Fail2banSandbox.start(workDir.resolve("fail2ban"));
        redis = RedisServerSandbox.start();
    }

    @AfterAll
    void stopDependencies() {
        redis.close();
        fail2ban.close();
    }

    private Map<String, String> env(String backend) {
        Map<String, String> env = new HashMap<>(Map.of(
                "BANGUI_DATABASE_PATH", workDir.resolve(backend + "/bangui.db").toString(),
                "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                "BANGUI_SETUP_TOKEN", TOKEN,
                "BANGUI_RATE_LIMIT_GLOBAL", "off",
                "BANGUI_SCHEDULER_HEARTBEAT", HEARTBEAT.toSeconds() + "s",
                "BANGUI_SCHEDULER_LOCK_TTL", TTL.toSeconds() + "s",
                "BANGUI_LOCK_BACKEND", backend));
        if (backend.equals("redis")) {
            env.put("BANGUI_REDIS_URL", redis.url());
            env.put("BANGUI_SESSION_STORE", "redis");
        }
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "redis"})
    void exactlyOneInstanceLeadsAndTheStandbyTakesOverAfterAKillAndAfterASigterm(String backend) throws Exception {
        redis.flushAll();
        Map<String, String> env = env(backend);
        try (ServiceProcess a = ServiceProcess.start(env, workDir.resolve(backend + "-a.log"))) {
            Api onA = a.setUp(TOKEN, PASSWORD);
            try (ServiceProcess b = ServiceProcess.start(env, workDir.resolve(backend + "-b.log"))) {
                Api onB = b.api().withSession(onA.cookie(), onA.csrf());
                List<String> roles = awaitOneLeader(onA, onB);
                boolean aLeads = roles.get(0).equals("leader");
                ServiceProcess leader = aLeads ? a : b;
                Api standby = aLeads ? onB : onA;
                assertThat(scheduler(standby)).containsEntry("backend", backend)
                        .containsEntry("holder", scheduler(aLeads ? onA : onB).get("instance"));

                leader.kill();
                awaitRole(standby, "leader", TTL.plus(HEARTBEAT).plus(SLACK));

                // the killed one comes back as a standby; then the leader is stopped cleanly
                try (ServiceProcess back = ServiceProcess.start(env, workDir.resolve(backend + "-c.log"))) {
                    Api onBack = back.api().withSession(onA.cookie(), onA.csrf());
                    awaitRole(onBack, "standby", TTL.plus(SLACK));
                    ServiceProcess stopping = aLeads ? b : a;
                    stopping.terminate();
                    // the JVM reports a SIGTERM it handled to completion as 143 (128 + 15)
                    assertThat(stopping.awaitExit(Duration.ofSeconds(30))).isIn(0, 143);
                    assertThat(stopping.logText()).contains("scheduler_lock_released", "bangui_shut_down");
                    awaitRole(onBack, "leader", HEARTBEAT.multipliedBy(2).plus(SLACK));
                    assertThat(scheduler(onBack)).containsEntry("holder", scheduler(onBack).get("instance"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheduler(Api api) {
        Api.Response jobs = api.get("/api/v1/jobs");
        assertThat(jobs.status()).as(jobs.toString()).isEqualTo(200);
        return (Map<String, Object>) jobs.json().get("scheduler");
    }

    private static String role(Api api) {
        try {
            return (String) scheduler(api).get("role");
        } catch (RuntimeException | AssertionError unreachable) {
            return "unreachable";
        }
    }

    private static List<String> awaitOneLeader(Api a, Api b) throws InterruptedException {
        long deadline = System.nanoTime() + TTL.plus(SLACK).toNanos();
        List<String> roles = List.of();
        while (System.nanoTime() < deadline) {
            roles = List.of(role(a), role(b));
            if (roles.stream().sorted().toList().equals(List.of("leader", "standby"))) {
                return roles;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not exactly one leader: " + roles);
    }

    private static void awaitRole(Api api, String wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = role(api);
            if (seen.equals(wanted)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("still " + seen + ", not " + wanted + ", after " + limit);
    }
}
