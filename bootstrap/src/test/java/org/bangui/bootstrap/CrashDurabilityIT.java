package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * kill -9 of the service in the middle of a stream of writes: every ban it acknowledged with 201 is in the
 * archive and the audit trail after a restart, and SQLite's integrity check passes. A process crash must not
 * lose a committed transaction (WAL with synchronous=NORMAL only risks the last transactions on power loss).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDurabilityIT {

    private static final String TOKEN = "crash-it-setup-token-71c2";
    private static final String PASSWORD = "crash test dummy password";

    private Path workDir;
    private Fail2banSandbox fail2ban;

    @BeforeAll
    void startFail2ban() throws Exception {
        workDir = Files.createTempDirectory("bangui-crash-it-");
        fail2ban = Fail2banSandbox.start(workDir.resolve("fail2ban"));
    }

    @AfterAll
    void stopFail2ban() {
        fail2ban.close();
    }

    private Map<String, String> env() {
        return Map.of("BANGUI_DATABASE_PATH", database().toString(),
                "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                "BANGUI_SETUP_TOKEN", TOKEN,
                "BANGUI_RATE_LIMIT_GLOBAL", "off",
                "BANGUI_RATE_LIMIT_BAN", "off");
    }

    private Path database() {
        return workDir.resolve("data/bangui.db");
    }

    @Test
    void everyAcknowledgedBanSurvivesAKillMinus9() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (ServiceProcess service = ServiceProcess.start(env(), workDir.resolve("service.log"))) {
            Api api = service.setUp(TOKEN, PASSWORD);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (service.isAlive()) {
                        int n = next.getAndIncrement();
                        String ip = "100.64." + (n / 250) + "." + (n % 250 + 1);
                        try {
                            if (api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"" + ip + "\"}").status() == 201) {
                                acknowledged.add(ip);
                            }
                        } catch (RuntimeException | AssertionError connectionGone) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(acknowledged).as("bans acknowledged before the kill").hasSizeGreaterThanOrEqualTo(150);
            service.kill(); // writes are still in flight
        } finally {
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(quickCheck()).isEqualTo("ok");
        try (ServiceProcess restarted = ServiceProcess.start(env(), workDir.resolve("service-2.log"))) {
            Api api = restarted.api().login(PASSWORD);
            assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
            Set<String> archived = column("SELECT ip FROM history WHERE origin = 'manual'");
            assertThat(archived).as("archived bans after the restart").containsAll(acknowledged);
            Set<String> audited = column("SELECT target FROM audit_log WHERE action = 'ban' AND success = 1");
            assertThat(audited).as("audited bans after the restart").containsAll(
                    acknowledged.stream().map(ip -> "sshd/" + ip).toList());
        }
        assertThat(quickCheck()).isEqualTo("ok");
    }

    private String quickCheck() throws SQLException {
        return column("PRAGMA quick_check").iterator().next();
    }

    private Set<String> column(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
