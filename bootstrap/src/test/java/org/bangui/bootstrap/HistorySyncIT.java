package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code history_sync} against a real fail2ban that bans from log lines into its real database file: the archive
 * gets every ban once, keeps it after fail2ban forgets it (unban with fail2ban-client, purge with a tiny
 * {@code dbpurgeage}), marks the unbanned one {@code removed}, and waits out a writer that locks fail2ban's file.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistorySyncIT extends SandboxedServiceTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final List<String> ATTACKERS = List.of("203.0.113.21", "203.0.113.22", "203.0.113.23");

    @Override
    protected Map<String, String> extraProperties() {
        // one run at start, then only the runs this test starts
        return Map.of("bangui.history.sync-interval", "1h");
    }

    private Map<String, Object> sync() {
        return JobRuns.runAndWait(api, "history_sync", RUN_LIMIT);
    }

    private List<String> archived() {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT jail, ip, origin, coalesce(end_reason, 'open'), "
                     + "failures >= 3, json_array_length(matches) > 0 AND json_array_length(matches) = (SELECT "
                     // every match is the whole log line as text (fail2ban stores some as [prefix, date, rest])
                     + "count(*) FROM json_each(matches) WHERE type = 'text' AND substr(value, 1, 1) <> '[' "
                     + "AND value LIKE '%Failed password for root from ' || history.ip || ' port %'), "
                     + "ban_seconds FROM history ORDER BY ip")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getString(4) + " failures=" + result.getBoolean(5) + " matches="
                        + result.getBoolean(6) + " ban=" + result.getLong(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String row(String ip, String end) {
        return "sshd " + ip + " fail2ban " + end + " failures=true matches=true ban=600";
    }

    @Test
    @Order(1)
    void bansFromLogLinesAreArchivedOnceAndOutliveFail2bansUnbanAndPurge() throws Exception {
        for (String ip : ATTACKERS) {
            fail2ban.appendSshdFailures(ip, 3);
        }
        Eventually.await("fail2ban bans the attackers", Duration.ofSeconds(20),
                () -> ATTACKERS.stream().allMatch(ip -> fail2ban.client("banned", ip).contains("sshd")));
        long bannedAt = System.nanoTime();

        assertThat(sync()).containsEntry("outcome", "succeeded");
        assertThat(archived()).containsExactly(row("203.0.113.21", "open"), row("203.0.113.22", "open"),
                row("203.0.113.23", "open"));
        Map<String, Object> again = sync();
        assertThat(again).containsEntry("outcome", "succeeded");
        assertThat((String) again.get("detail")).startsWith("copied=0 ");
        assertThat(archived()).hasSize(3);

        // fail2ban forgets: an unban outside BanGUI deletes its rows, a purge deletes the other rows
        fail2ban.client("set", "sshd", "unbanip", "203.0.113.21");
        fail2ban.client("set", "dbpurgeage", "1");
        Thread.sleep(2_000); // the bans are now older than the purge age
        purgeAsFail2banDoes();
        assertThat(countInFail2ban("bans")).isZero();

        // past the sync's grace for open entries (15 s after the bans)
        long grace = Duration.ofSeconds(16).toNanos() - (System.nanoTime() - bannedAt);
        if (grace > 0) {
            Thread.sleep(grace / 1_000_000);
        }
        Map<String, Object> after = sync();
        assertThat(after).containsEntry("outcome", "succeeded");
        assertThat((String) after.get("detail")).startsWith("copied=0 ended=1 ");
        assertThat(archived()).containsExactly(row("203.0.113.21", "removed"), row("203.0.113.22", "open"),
                row("203.0.113.23", "open"));
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aWriterHoldingFail2bansDatabaseLockedMakesTheSyncWaitNotFail() throws Exception {
        fail2ban.appendSshdFailures("203.0.113.24", 3);
        Eventually.await("fail2ban bans 203.0.113.24", Duration.ofSeconds(20),
                () -> fail2ban.client("banned", "203.0.113.24").contains("sshd"));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> holder = writer.submit(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + fail2ban.database());
                 Statement statement = connection.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
                locked.countDown();
                Thread.sleep(3_000);
                statement.execute("COMMIT");
            }
            return null;
        });
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Object> run = sync();
            assertThat(run).as("the run waited for the lock").containsEntry("outcome", "succeeded");
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(archived()).contains(row("203.0.113.24", "open"));
        Api.Response health = api.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
    }

    /** fail2ban's own purge code (it runs it hourly, with no command to trigger it) on its database file. */
    private void purgeAsFail2banDoes() throws Exception {
        Process purge = new ProcessBuilder(fail2bansPython(), "-c", "import sys\n"
                + "from fail2ban.server.database import Fail2BanDb\n"
                + "db = Fail2BanDb(sys.argv[1], purgeAge=1)\n"
                + "db.purge()\n", fail2ban.database().toString()).redirectErrorStream(true).start();
        String output = new String(purge.getInputStream().readAllBytes());
        assertThat(purge.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(purge.exitValue()).as(output).isZero();
    }

    /** The interpreter fail2ban-server runs on (its shebang), which has fail2ban's modules. */
    private static String fail2bansPython() throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "head -n 1 \"$(command -v fail2ban-server)\"").start();
        String shebang = new String(which.getInputStream().readAllBytes()).trim();
        assertThat(which.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shebang).startsWith("#!");
        return shebang.substring(2).trim().split("\\s+")[0];
    }

    private long countInFail2ban(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + fail2ban.database());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
