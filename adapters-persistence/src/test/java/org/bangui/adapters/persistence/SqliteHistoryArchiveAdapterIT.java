package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.contract.HistoryArchivePortContract;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchivePort;
import org.junit.jupiter.api.Test;

/** The archive on a real, migrated SQLite file keeps the contract; the stored columns are checked in SQL. */
class SqliteHistoryArchiveAdapterIT extends HistoryArchivePortContract {

    private Path file;

    @Override
    protected HistoryArchivePort emptyArchive() {
        file = SqliteFiles.migratedDatabase();
        return new SqliteHistoryArchiveAdapter(SqliteFiles.dataSource(file));
    }

    private String row(String ip) throws SQLException {
        try (Connection connection = SqliteFiles.dataSource(file).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT banned_at, ban_seconds, ended_at, end_reason, ended_by, "
                     + "ban_count, failures, matches, country, origin, synced, hex(ip_key) FROM history WHERE ip = '"
                     + ip + "' ORDER BY id")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                for (int i = 1; i <= 12; i++) {
                    text.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void aMergedManualBanKeepsItsOriginAndStartAndTakesFail2bansColumns() throws SQLException {
        archive.archive(List.of(manual("198.51.100.77", T.plusMillis(1234), BanOrigin.MANUAL)));
        archive.archive(List.of(fail2ban("198.51.100.77", T, 600)));
        // its start stays BanGUI's (a page cursor handed out before the merge must still be exact)
        String merged = T.plusMillis(1234).toEpochMilli() + "|600|null|null|null|2|5|"
                + "[\"line 1\",\"line \\\"2\\\"\"]|NL|manual|1|00000000000000000000FFFFC633644D\n";
        assertThat(row("198.51.100.77")).isEqualTo(merged);
        assertThat(count("SELECT COUNT(*) FROM history WHERE source_time = " + T.toEpochMilli())).isEqualTo(1);
        // fail2ban's record read again (a re-read batch, a walk-down) is recognised, not inserted
        assertThat(archive.archive(List.of(fail2ban("198.51.100.77", T, 600)))).isZero();
        assertThat(row("198.51.100.77")).isEqualTo(merged);
    }

    @Test
    void endsRecordTimeReasonAndWho() throws SQLException {
        archive.archive(List.of(fail2ban("2001:db8::5", T, 600), fail2ban("198.51.100.78", T, 600)));
        archive.endOpen("sshd", "2001:db8::5", T.plusSeconds(30), EndReason.UNBANNED, Optional.of("admin"));
        archive.endExpired(T.plusSeconds(3600));
        assertThat(row("2001:db8::5")).startsWith(T.toEpochMilli() + "|600|" + T.plusSeconds(30).toEpochMilli()
                + "|unbanned|admin|");
        assertThat(row("198.51.100.78")).startsWith(T.toEpochMilli() + "|600|" + T.plusSeconds(600).toEpochMilli()
                + "|expired|null|");
    }

    @Test
    void bansFromFail2banPastTheirExpiryAreStoredEndedAtOnce() throws SQLException {
        assertThat(archive.archive(List.of(fail2ban("198.51.100.91", T, 600), fail2ban("198.51.100.92", T, 3600),
                fail2ban("198.51.100.93", T, -1), manual("198.51.100.94", T, BanOrigin.MANUAL)),
                T.plusSeconds(600))).isEqualTo(4);
        assertThat(row("198.51.100.91")).startsWith(T.toEpochMilli() + "|600|" + T.plusSeconds(600).toEpochMilli()
                + "|expired|null|");
        assertThat(row("198.51.100.92")).startsWith(T.toEpochMilli() + "|3600|null|null|null|");
        assertThat(row("198.51.100.93")).startsWith(T.toEpochMilli() + "|-1|null|null|null|");
        assertThat(row("198.51.100.94")).startsWith(T.toEpochMilli() + "|600|null|null|null|");
        // only the manual entry is left for the expiry check: BanGUI archives its own bans as they start
        assertThat(archive.endExpired(T.plusSeconds(600))).isEqualTo(1);
    }

    @Test
    void aBanIdThatIsNotAnAddressHasNoIpKey() throws SQLException {
        archive.archive(List.of(fail2ban("user@example", T, 600)));
        assertThat(row("user@example")).endsWith("|fail2ban|1|\n");
    }

    @Test
    void aBatchOfSeveralInsertStatementsStoresEveryNewBanOnceWithItsColumnsAndRollups() throws SQLException {
        int size = 2 * SqliteHistoryArchiveAdapter.ROWS_PER_INSERT + 5; // two full statements and a remainder
        List<BanRecord> first = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            first.add(fail2ban("198.51.100." + (i % 200), T.plusSeconds(i / 200), 600));
        }
        first.add(first.get(size - 1)); // the same ban twice in one batch, in the last statement
        assertThat(archive.archive(first)).isEqualTo(size);

        List<BanRecord> second = new ArrayList<>(first.subList(0, size));
        second.add(SqliteHistoryArchiveAdapter.ROWS_PER_INSERT, fail2ban("2001:db8::7", T, -1));
        assertThat(archive.archive(second)).isEqualTo(1);

        assertThat(row("198.51.100." + (size - 1))).isEqualTo(T.toEpochMilli() + "|600|null|null|null|2|5|"
                + "[\"line 1\",\"line \\\"2\\\"\"]|NL|fail2ban|1|00000000000000000000FFFFC6336484\n");
        assertThat(row("2001:db8::7")).startsWith(T.toEpochMilli() + "|-1|null|");
        assertThat(count("SELECT COUNT(*) FROM history")).isEqualTo(size + 1);
        assertThat(count("SELECT SUM(bans) FROM history_hour_jail")).isEqualTo(size + 1);
        assertThat(count("SELECT SUM(bans) FROM history_day_ip")).isEqualTo(size + 1);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = SqliteFiles.dataSource(file).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
