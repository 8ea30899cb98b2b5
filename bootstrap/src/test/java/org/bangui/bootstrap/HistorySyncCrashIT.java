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
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banDatabaseFile;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the real service in the middle of a {@code history_sync} of 200,000 fail2ban rows, then a restart:
 * the resumed sync leaves every row in the archive exactly once.
 */
class HistorySyncCrashIT {

    private static final int ROWS = 60_000; // 12 batches: the kill lands after the first of them

    @Test
    void aSyncKilledMidwayAndRestartedArchivesEveryRowOnce() throws Exception {
        Path workDir = Files.createTempDirectory("bangui-sync-crash-it-");
        Fail2banDatabaseFile fail2ban = Fail2banDatabaseFile.create(workDir.resolve("fail2ban.sqlite3"));
        fail2ban.bans("sshd", ROWS, 1_795_237_200L, 600);
        Path database = workDir.resolve("data/bangui.db");
        Map<String, String> env = Map.of("BANGUI_DATABASE_PATH", database.toString(),
                "BANGUI_FAIL2BAN_DB_PATH", fail2ban.file().toString(),
                "BANGUI_FAIL2BAN_SOCKET", workDir.resolve("absent.sock").toString(),
                "BANGUI_SETUP_TOKEN", "sync-crash-it-token-5d1a",
                // the killed instance's lock lapses quickly, so the restarted one leads and syncs at once
                "BANGUI_SCHEDULER_HEARTBEAT", "1s", "BANGUI_SCHEDULER_LOCK_TTL", "3s",
                // a standby skips the run at start; once it leads, the next run comes within 2 s, not 30
                "BANGUI_HISTORY_SYNC_INTERVAL", "2s");

        long atKill;
        try (ServiceProcess service = ServiceProcess.start(env, workDir.resolve("service.log"))) {
            // the first run starts with the service
            Eventually.await("the sync has copied some rows", Duration.ofSeconds(60), () -> count(database) > 0);
            service.kill();
            atKill = count(database);
        }
        assertThat(atKill).as("rows archived when the sync was killed").isBetween(1L, ROWS - 1L);

        try (ServiceProcess restarted = ServiceProcess.start(env, workDir.resolve("service-2.log"))) {
            Eventually.await("the resumed sync has copied every row", Duration.ofSeconds(120),
                    () -> number(database, "SELECT last_rowid FROM history_sync_state WHERE source = 'fail2ban'")
                            == ROWS);
            assertThat(count(database)).isEqualTo(ROWS);
            assertThat(number(database, "SELECT count(DISTINCT ip) FROM history")).isEqualTo(ROWS);
            assertThat(number(database, "SELECT count(*) FROM history WHERE origin <> 'fail2ban' OR synced <> 1"))
                    .isZero();
        }
    }

    private static long count(Path database) {
        return number(database, "SELECT count(*) FROM history");
    }

    private static long number(Path database, String sql) {
        if (!Files.exists(database)) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException notMigratedYet) {
            return 0;
        }
    }
}
