package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a database that holds manual bans in the old {@code ban_event} log: every ban becomes a history
 * entry with its address key (so address and CIDR filters find it), an unban ends it, and the statistics
 * rollups count it.
 */
class HistoryMigrationTest {

    @TempDir
    Path dir;

    @Test
    void oldManualBanLogBecomesHistoryWithAddressKeysEndsAndRollups() throws Exception {
        Path file = Files.createDirectories(dir).resolve("bangui.db");
        String url = SqliteFiles.url(file);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ban_event (type, jail, ip, occurred_at) VALUES "
                    + "('BAN', 'sshd', '203.0.113.5', 1000), ('UNBAN', 'sshd', '203.0.113.5', 5000), "
                    + "('BAN', 'sshd', '203.0.113.5', 9000), ('BAN', 'web', '2001:db8::/64', 2000), "
                    + "('BAN', 'web', 'not-an-address', 3000)");
        }

        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT jail || ' ' || ip || ' ' || banned_at || ' ' || origin || ' ' "
                    + "|| IFNULL(ended_at, '-') || ' ' || IFNULL(end_reason, '-') || ' ' || hex(IFNULL(ip_key, '')) "
                    + "FROM history ORDER BY banned_at")).containsExactly(
                    "sshd 203.0.113.5 1000 manual 5000 unbanned 00000000000000000000FFFFCB007105",
                    "web 2001:db8::/64 2000 manual - - 20010DB8000000000000000000000000",
                    "web not-an-address 3000 manual - - ",
                    "sshd 203.0.113.5 9000 manual - - 00000000000000000000FFFFCB007105");
            assertThat(rows(s, "SELECT jail || ' ' || bans FROM history_hour_jail ORDER BY jail"))
                    .containsExactly("sshd 2", "web 2");
            assertThat(rows(s, "SELECT name FROM sqlite_master WHERE name = 'ban_event'")).isEmpty();
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
