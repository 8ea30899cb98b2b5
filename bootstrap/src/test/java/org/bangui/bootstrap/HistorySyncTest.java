package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.fail2ban.Fail2banDatabaseAdapter;
import org.bangui.adapters.fail2ban.testing.Fail2banDatabaseFile;
import org.bangui.adapters.persistence.SqliteHistoryArchiveAdapter;
import org.bangui.application.history.HistorySyncJob;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.Fail2banDatabaseUnavailableException;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * {@code history_sync} on real SQLite files: a database in fail2ban's schema and BanGUI's migrated archive.
 * The mark and its walk-down survive deleted rows, a reused rowid and a replaced file without losing or
 * duplicating a ban.
 */
class HistorySyncTest {

    private static final long T = 1_795_237_200L; // 2026-11-21T05:00:00Z
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(T + 300), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Fail2banDatabaseFile fail2ban;
    private SQLiteDataSource bangui;
    private SqliteHistoryArchiveAdapter archive;
    private final List<String> details = new ArrayList<>();
    private final java.util.Set<String> geoKnows = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void files() {
        fail2ban = Fail2banDatabaseFile.create(dir.resolve("fail2ban.sqlite3"));
        bangui = new SQLiteDataSource();
        bangui.setUrl("jdbc:sqlite:" + dir.resolve("bangui.db") + "?journal_mode=WAL&busy_timeout=5000"
                + "&transaction_mode=IMMEDIATE");
        Flyway.configure().dataSource(bangui).locations("classpath:db/migration").load().migrate();
        archive = new SqliteHistoryArchiveAdapter(bangui);
    }

    private HistorySyncJob job(Path source) {
        return new HistorySyncJob(new Fail2banDatabaseAdapter(Optional.of(source), new NoServer(), 2000), archive,
                address -> address.text().startsWith("10.0.0.") || geoKnows.contains(address.text())
                        ? new GeoInfo(Optional.of("DE"), Optional.empty(), Optional.empty()) : GeoInfo.UNKNOWN,
                CLOCK, JobSchedule.every(Duration.ofSeconds(30), true), 5, Duration.ofSeconds(15));
    }

    private void sync() {
        sync(fail2ban.file());
    }

    private void sync(Path source) {
        job(source).run(new JobContext() {
            @Override
            public boolean stillLeader() {
                return true;
            }

            @Override
            public void detail(String detail) {
                details.add(detail);
            }
        });
    }

    private List<String> archived() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = bangui.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT jail, ip, banned_at / 1000 - " + T + ", "
                     + "coalesce(end_reason, 'open'), country, failures, json_array_length(matches) FROM history "
                     + "ORDER BY banned_at, jail, ip")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " +" + result.getLong(3) + " "
                        + result.getString(4) + " " + result.getString(5) + " " + result.getInt(6) + "/"
                        + result.getInt(7));
            }
        }
        return rows;
    }

    @Test
    void copiesEveryRowOnceInBatchesAndASecondRunCopiesNothing() throws SQLException {
        fail2ban.bans("sshd", 12, T, 600);
        sync();
        assertThat(archived()).hasSize(12).startsWith("sshd 10.0.0.0 +0 open DE 3/3", "sshd 10.0.0.1 +1 open DE 4/4");
        assertThat(details).containsExactly("copied=12 ended=0 mark=12");
        sync();
        assertThat(archived()).hasSize(12);
        assertThat(details).last().isEqualTo("copied=0 ended=0 mark=12");
    }

    @Test
    void aDeletedLastRowWhoseRowidIsReusedByANewBanLosesNothing() throws SQLException {
        fail2ban.ban("sshd", "192.0.2.1", T, 600);
        fail2ban.ban("sshd", "192.0.2.2", T + 1, 600);
        long last = fail2ban.ban("sshd", "192.0.2.3", T + 2, 600);
        sync();
        fail2ban.execute("DELETE FROM bans WHERE rowid = " + last);
        assertThat(fail2ban.ban("nginx-http-auth", "192.0.2.4", T + 3, 600)).as("SQLite reuses the rowid")
                .isEqualTo(last);
        sync();
        assertThat(archived()).containsExactly("sshd 192.0.2.1 +0 open null 3/3", "sshd 192.0.2.2 +1 open null 3/3",
                "sshd 192.0.2.3 +2 open null 3/3", "nginx-http-auth 192.0.2.4 +3 open null 3/3");
    }

    @Test
    void aReplacedFileIsCopiedFromItsFirstRow() throws SQLException, IOException {
        fail2ban.bans("sshd", 8, T, 600);
        sync();
        Files.delete(fail2ban.file());
        fail2ban = Fail2banDatabaseFile.create(fail2ban.file());
        fail2ban.ban("sshd", "198.51.100.1", T + 100, 600);
        fail2ban.ban("sshd", "198.51.100.2", T + 101, 600);
        sync();
        assertThat(archived()).hasSize(10).contains("sshd 198.51.100.1 +100 open null 3/3",
                "sshd 198.51.100.2 +101 open null 3/3");
        assertThat(details).last().asString().startsWith("copied=2 ");
    }

    @Test
    void rowsPurgedBelowTheMarkAreKeptAndNewOnesStillCopied() throws SQLException {
        fail2ban.bans("sshd", 6, T, 600);
        sync();
        fail2ban.execute("DELETE FROM bans WHERE rowid >= 4"); // fail2ban's unban of the last three
        fail2ban.execute("DELETE FROM bips WHERE ip IN ('10.0.0.3', '10.0.0.4', '10.0.0.5')");
        fail2ban.ban("sshd", "198.51.100.9", T + 50, 600);
        sync();
        assertThat(archived()).hasSize(7).contains("sshd 10.0.0.4 +4 removed DE 7/7",
                "sshd 198.51.100.9 +50 open null 3/3");
        assertThat(archived()).filteredOn(row -> row.contains(" removed ")).hasSize(3);
    }

    @Test
    void endsExpiredBansAndBansReplacedByALaterOne() throws SQLException {
        fail2ban.ban("sshd", "192.0.2.7", T, 60);
        fail2ban.ban("sshd", "192.0.2.8", T, 600);
        sync();
        fail2ban.ban("sshd", "192.0.2.8", T + 100, 600); // banned again: bips now holds the later ban
        fail2ban.execute("DELETE FROM bans WHERE ip = '192.0.2.8' AND timeofban = " + T);
        sync();
        assertThat(archived()).containsExactly("sshd 192.0.2.7 +0 expired null 3/3",
                "sshd 192.0.2.8 +0 replaced null 3/3", "sshd 192.0.2.8 +100 open null 3/3");
    }

    @Test
    void matchedLinesKeepFail2bansOrderCappedToTheLastTenAndUnreadableDataGivesNone() throws SQLException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            lines.append(i > 0 ? ", " : "").append("\"line ").append(i).append('"');
        }
        fail2ban.execute("INSERT INTO bans(jail, ip, timeofban, bantime, bancount, data) VALUES ('sshd', "
                + "'192.0.2.20', " + T + ", 600, 1, '{\"matches\": [" + lines + "], \"failures\": 12}')",
                "INSERT INTO bans(jail, ip, timeofban, bantime, bancount, data) VALUES ('sshd', '192.0.2.21', "
                + (T + 1) + ", 600, 1, 'not json')");
        sync();
        try (Connection connection = bangui.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT matches, failures FROM history ORDER BY ip")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("[\"line 2\",\"line 3\",\"line 4\",\"line 5\",\"line 6\","
                    + "\"line 7\",\"line 8\",\"line 9\",\"line 10\",\"line 11\"]");
            assertThat(rows.getInt(2)).isEqualTo(12);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("[]");
            assertThat(rows.getInt(2)).isZero();
        }
    }

    @Test
    void fail2bansRowOfABanGuiBanMergesIntoItsEntry() throws SQLException {
        archive.archive(List.of(new BanRecord("sshd", "192.0.2.9", Instant.ofEpochSecond(T).plusMillis(1400),
                Optional.of(600L), 1, 0, List.of(), Optional.empty(), BanOrigin.MANUAL)));
        fail2ban.ban("sshd", "192.0.2.9", T + 1, 600);
        sync();
        sync();
        assertThat(archived()).containsExactly("sshd 192.0.2.9 +1 open null 3/3");
    }

    @Test
    void entriesArchivedWithoutACountryGetItOnceTheGeoDatabaseKnowsThem() throws SQLException {
        fail2ban.ban("sshd", "45.0.0.1", T, 600);
        fail2ban.ban("sshd", "45.0.0.0/24", T, 600);
        fail2ban.ban("sshd", "user@example", T, 600);
        sync();
        assertThat(archived()).containsExactly("sshd 45.0.0.0/24 +0 open null 3/3", "sshd 45.0.0.1 +0 open null 3/3",
                "sshd user@example +0 open null 3/3");

        geoKnows.add("45.0.0.1"); // the geo-IP file came back, or a newer one knows the address
        sync();
        assertThat(archived()).containsExactly("sshd 45.0.0.0/24 +0 open null 3/3", "sshd 45.0.0.1 +0 open DE 3/3",
                "sshd user@example +0 open null 3/3");
        assertThat(details).last().isEqualTo("copied=0 ended=0 mark=3 countries=1");
    }

    @Test
    void aMissingFileFailsTheRunWithAClearReasonAndNoPath() {
        Path missing = dir.resolve("gone.sqlite3");
        assertThatThrownBy(() -> sync(missing)).isInstanceOf(Fail2banDatabaseUnavailableException.class)
                .satisfies(e -> {
                    assertThat(((Fail2banDatabaseUnavailableException) e).reason()).isEqualTo("missing");
                    assertThat(e.getMessage()).doesNotContain(dir.toString());
                });
    }

    @Test
    void aFileThatIsNotFail2bansDatabaseFailsTheRun() throws IOException {
        Path other = Files.writeString(dir.resolve("other.sqlite3"), "not a database at all, just text");
        assertThatThrownBy(() -> sync(other)).isInstanceOf(Fail2banDatabaseUnavailableException.class);
    }

    /** The path is configured: fail2ban is never asked. */
    private static final class NoServer implements ServerPort {
        @Override
        public void ping() {
            throw new AssertionError("not asked");
        }

        @Override
        public String version() {
            throw new AssertionError("not asked");
        }

        @Override
        public ServerDatabase database() {
            throw new AssertionError("not asked");
        }
    }
}
