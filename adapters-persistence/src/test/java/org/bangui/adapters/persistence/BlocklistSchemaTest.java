package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The V9 trigger that gives archived blocklist bans their origin: what it marks, and that its lookup seeks the
 * primary key of {@code blocklist_entry} (which has no other index): a scan per archived row once held the write
 * lock of a large history_sync long enough to starve the scheduler lock.
 */
class BlocklistSchemaTest {

    private final Path file = SqliteFiles.migratedDatabase();

    @Test
    void archivedBansABlocklistSentGetOriginBlocklistAndOthersKeepTheirs() throws SQLException {
        try (Connection c = DriverManager.getConnection(SqliteFiles.url(file)); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO blocklist_source (id, name, url, jail, enabled, schedule, created_at, "
                    + "updated_at) VALUES (1, 'l', 'http://example.org/l', 'blocklist', 1, '6h', 0, 0)");
            s.executeUpdate("INSERT INTO blocklist_entry (source_id, jail, entry, state) VALUES "
                    + "(1, 'blocklist', '192.0.2.1', 0), (1, 'blocklist', '192.0.2.2', 1), "
                    + "(1, 'blocklist', '192.0.2.3', 2), (1, 'blocklist', '192.0.2.4', 3)");
            for (int i = 1; i <= 5; i++) {
                s.executeUpdate("INSERT INTO history (jail, ip, banned_at, origin, synced) VALUES ('blocklist', "
                        + "'192.0.2." + i + "', 1000, 'fail2ban', 1)");
            }
            s.executeUpdate("INSERT INTO history (jail, ip, banned_at, origin, synced) VALUES ('sshd', '192.0.2.2', "
                    + "1000, 'fail2ban', 1)");
            assertThat(strings(s, "SELECT ip || ' ' || jail || ' ' || origin FROM history ORDER BY id"))
                    .containsExactly("192.0.2.1 blocklist blocklist", "192.0.2.2 blocklist blocklist",
                            "192.0.2.3 blocklist fail2ban", "192.0.2.4 blocklist fail2ban",
                            "192.0.2.5 blocklist fail2ban", "192.0.2.2 sshd fail2ban");
        }
    }

    @Test
    void theTriggersLookupSeeksThePrimaryKey() throws SQLException {
        try (Connection c = DriverManager.getConnection(SqliteFiles.url(file)); Statement s = c.createStatement()) {
            String trigger = strings(s, "SELECT sql FROM sqlite_master WHERE name = 'history_blocklist_origin'").get(0);
            String lookup = trigger.substring(trigger.indexOf("SELECT 1 FROM blocklist_entry"),
                    trigger.indexOf("(0, 1)") + "(0, 1)".length())
                    .replace("NEW.jail", "'blocklist'").replace("NEW.ip", "'192.0.2.1'");
            List<String> plan = strings(s, "EXPLAIN QUERY PLAN " + lookup, 4);
            assertThat(plan).anyMatch(step -> step.contains("SEARCH blocklist_entry USING PRIMARY KEY"))
                    .noneMatch(step -> step.contains("SCAN blocklist_entry"));
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        return strings(s, sql, 1);
    }

    private static List<String> strings(Statement s, String sql, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }
}
