package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.bangui.domain.history.AddressHistory;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPageRequest;
import org.bangui.domain.history.HistoryPosition;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;
import org.bangui.domain.history.StatsBucket;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

/** The history queries on a real, migrated SQLite file, outside any transaction as in production. */
class SqliteHistoryQueryAdapterTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    private final DataSource dataSource = SqliteFiles.dataSource(SqliteFiles.migratedDatabase());
    private final HistoryTable table = new HistoryTable(dataSource);
    private final SqliteHistoryQueryAdapter adapter = new SqliteHistoryQueryAdapter(dataSource);

    @Test
    void pagesVisitEveryEntryOnceNewestFirstEvenWhenManyShareTheirStart() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(table.insert("sshd", "198.51.100." + i, T0.plusSeconds(i / 5), null, "fail2ban"));
        }
        List<HistoryEntry> seen = new ArrayList<>();
        Optional<HistoryPosition> after = Optional.empty();
        do {
            HistoryPage page = adapter.page(new HistoryPageRequest(HistoryFilter.ALL, 4, after));
            seen.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        java.util.Collections.reverse(ids);
        assertThat(seen).extracting(HistoryEntry::id).containsExactlyElementsOf(ids);
    }

    @Test
    void filtersByJailAddressNetworkCountryOriginAndTime() {
        table.insert("sshd", "203.0.113.7", T0, "DE", "fail2ban");
        table.insert("nginx", "203.0.113.7", T0.plusSeconds(10), "DE", "manual");
        table.insert("sshd", "203.0.113.200", T0.plusSeconds(20), "FR", "fail2ban");
        table.insert("sshd", "203.0.114.1", T0.plusSeconds(30), null, "blocklist");
        table.insert("sshd", "2001:db8::1", T0.plusSeconds(40), "US", "fail2ban");
        table.insert("sshd", "2001:db8:1::1", T0.plusSeconds(50), "US", "fail2ban");
        table.insert("sshd", "203.0.113.0/24", T0.plusSeconds(60), null, "manual");

        assertThat(ips(filter(Optional.of("nginx"), null, null, null, null, null))).containsExactly("203.0.113.7");
        assertThat(ips(filter(Optional.empty(), "203.0.113.7", null, null, null, null)))
                .containsExactly("203.0.113.7", "203.0.113.7");
        assertThat(ips(filter(Optional.empty(), "203.0.113.0/24", null, null, null, null)))
                .containsExactly("203.0.113.0/24", "203.0.113.200", "203.0.113.7", "203.0.113.7");
        assertThat(ips(filter(Optional.empty(), "2001:db8::/48", null, null, null, null)))
                .containsExactly("2001:db8::1");
        // IPv4 entries are keyed inside ::/8 (as ::ffff:a.b.c.d): IPv6 networks must not match them
        assertThat(ips(filter(Optional.empty(), "::/0", null, null, null, null)))
                .containsExactly("2001:db8:1::1", "2001:db8::1");
        assertThat(ips(filter(Optional.empty(), "::/8", null, null, null, null))).isEmpty();
        assertThat(ips(filter(Optional.empty(), "0.0.0.0/0", null, null, null, null))).hasSize(5);
        assertThat(ips(filter(Optional.empty(), null, "fr", null, null, null))).containsExactly("203.0.113.200");
        assertThat(ips(filter(Optional.empty(), null, null, BanOrigin.BLOCKLIST, null, null)))
                .containsExactly("203.0.114.1");
        assertThat(ips(filter(Optional.empty(), null, null, null, T0.plusSeconds(20), T0.plusSeconds(40))))
                .containsExactly("203.0.114.1", "203.0.113.200");
        assertThat(ips(filter(Optional.of("sshd"), "203.0.113.0/24", "DE", BanOrigin.FAIL2BAN, T0, null)))
                .containsExactly("203.0.113.7");
    }

    @Test
    void readsEveryColumnBack() {
        table.insert("sshd", "192.0.2.1", T0, "NL", "manual", "[\"a \\\"quoted\\\" line\",\"tab\\there \\u00e9\"]");
        table.execute("UPDATE history SET ended_at = " + T0.plusSeconds(5).toEpochMilli()
                + ", end_reason = 'unbanned', ended_by = 'admin', ban_seconds = -1");
        HistoryEntry entry = adapter.page(new HistoryPageRequest(HistoryFilter.ALL, 1, Optional.empty()))
                .items().get(0);
        assertThat(entry.ban().matches()).containsExactly("a \"quoted\" line", "tab\there é");
        assertThat(entry.ban().permanent()).isTrue();
        assertThat(entry.ban().country()).contains("NL");
        assertThat(entry.ban().origin()).isEqualTo(BanOrigin.MANUAL);
        assertThat(entry.endedAt()).contains(T0.plusSeconds(5));
        assertThat(entry.endedBy()).contains("admin");
    }

    @Test
    void exportStreamsTheWholeSelectionInOrderAndReleasesItsConnection() throws Exception {
        for (int i = 0; i < 2500; i++) {
            table.insert(i % 2 == 0 ? "sshd" : "nginx", "10.0." + (i / 250) + "." + (i % 250), T0.plusSeconds(i),
                    null, "fail2ban");
        }
        try (Stream<HistoryEntry> all = adapter.export(filter(Optional.of("sshd"), null, null, null, null, null))) {
            List<HistoryEntry> entries = all.toList();
            assertThat(entries).hasSize(1250);
            assertThat(entries).extracting(e -> e.ban().bannedAt()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
        // a stream closed half-way leaves the file writable (no lingering read transaction blocks a checkpoint)
        try (Stream<HistoryEntry> some = adapter.export(HistoryFilter.ALL)) {
            assertThat(some.limit(10).count()).isEqualTo(10);
        }
        table.insert("sshd", "192.0.2.250", T0.minusSeconds(1), null, "fail2ban");
        table.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    @Test
    void addressHistoryCountsEveryEntryAndCapsTheList() {
        for (int i = 0; i < 7; i++) {
            table.insert(i < 3 ? "sshd" : "postfix", "198.51.100.9", T0.plusSeconds(i), null, "fail2ban");
        }
        table.insert("sshd", "198.51.100.10", T0, null, "fail2ban");
        AddressHistory history = adapter.address(IpNetwork.parse("198.51.100.9"), 5);
        assertThat(history.total()).isEqualTo(7);
        assertThat(history.jails()).containsExactly("postfix", "sshd");
        assertThat(history.entries()).hasSize(5);
        assertThat(history.truncated()).isTrue();
    }

    @Test
    void statisticsFromTheRollupsEqualCountsOverTheRowsForAnyRangeAfterInsertsDeletesAndUpdates() throws SQLException {
        Random random = new Random(8);
        String[] jails = {"sshd", "nginx", "postfix"};
        String[] countries = {"DE", "FR", "US", null};
        for (int i = 0; i < 3000; i++) {
            table.insert(jails[random.nextInt(3)], "198.18." + random.nextInt(4) + "." + random.nextInt(40),
                    T0.plusSeconds(random.nextInt(10 * 86400)), countries[random.nextInt(4)], "fail2ban");
        }
        table.execute("DELETE FROM history WHERE id % 7 = 0");
        table.execute("UPDATE history SET country = 'NL' WHERE id % 11 = 0");
        table.execute("UPDATE history SET banned_at = banned_at + 5000000, jail = 'nginx' WHERE id % 13 = 0");
        table.execute("UPDATE history SET ended_at = banned_at + 1, end_reason = 'expired' WHERE id % 3 = 0");

        for (int i = 0; i < 25; i++) {
            Instant since = T0.plusSeconds(random.nextInt(12 * 86400) - 86400);
            Instant until = since.plusSeconds(random.nextInt(i % 5 == 0 ? 4000 : 6 * 86400));
            StatsBucket bucket = i % 2 == 0 ? StatsBucket.HOUR : StatsBucket.DAY;
            HistoryStats stats = adapter.stats(new HistoryStatsRequest(since, until, bucket));
            String range = " WHERE banned_at >= " + since.toEpochMilli() + " AND banned_at < " + until.toEpochMilli();
            assertThat(stats.total()).as("total " + since + " " + until).isEqualTo(count(range));
            long width = bucket.width().toMillis();
            Map<String, Long> timeline = new LinkedHashMap<>();
            stats.timeline().stream().filter(p -> p.bans() > 0)
                    .forEach(p -> timeline.put(String.valueOf(p.start().toEpochMilli()), p.bans()));
            assertThat(timeline).isEqualTo(groups("(banned_at / " + width + ") * " + width, range, 100_000));
            assertThat(stats.timeline()).hasSize(new HistoryStatsRequest(since, until, bucket).buckets());
            assertThat(counts(stats.topJails())).isEqualTo(groups("jail", range, 10));
            assertThat(counts(stats.topIps())).isEqualTo(groups("ip", range, 10));
            assertThat(counts(stats.topCountries()))
                    .isEqualTo(groups("country", range + " AND country IS NOT NULL", 10));
        }
    }

    @Test
    void topAddressesOfTheThresholdWalkEqualAPlainGroupByWithTiesPartialDaysAndChangedRows() throws SQLException {
        // a heavy tail of addresses, plus a block of addresses with the same counts so that the tenth place ties
        Random random = new Random(21);
        for (int i = 0; i < 4000; i++) {
            int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 300);
            table.insert(i % 3 == 0 ? "sshd" : "nginx", "198.18.1." + rank, T0.plusSeconds(random.nextInt(8 * 86400)),
                    null, "fail2ban");
        }
        for (int ip = 0; ip < 30; ip++) {
            for (int day = 0; day < 8; day++) {
                table.insert("postfix", "203.0.113." + ip, T0.plusSeconds(day * 86400L + 43200 + ip), null, "manual");
            }
        }
        table.execute("DELETE FROM history WHERE id % 17 = 0");
        table.execute("UPDATE history SET ip = '198.18.1.250' WHERE id % 19 = 0");
        table.execute("UPDATE history SET banned_at = banned_at + 7200000 WHERE id % 23 = 0");
        SqliteHistoryQueryAdapter walking = new SqliteHistoryQueryAdapter(dataSource,
                new SqliteHistoryStats(dataSource, new SqliteTopAddresses(0, 1)));
        SqliteHistoryQueryAdapter givingUp = new SqliteHistoryQueryAdapter(dataSource,
                new SqliteHistoryStats(dataSource, new SqliteTopAddresses(0, 1_000_000)));

        for (int i = 0; i < 30; i++) {
            Instant since = T0.plusSeconds(random.nextInt(9 * 86400) - 86400);
            Instant until = since.plusSeconds(random.nextInt(i % 4 == 0 ? 20_000 : 7 * 86400));
            HistoryStatsRequest request = new HistoryStatsRequest(since, until, StatsBucket.DAY);
            String range = " WHERE banned_at >= " + since.toEpochMilli() + " AND banned_at < " + until.toEpochMilli();
            Map<String, Long> expected = groups("ip", range, 10);
            assertThat(counts(walking.stats(request).topIps())).as("walk " + since + " " + until).isEqualTo(expected);
            assertThat(counts(givingUp.stats(request).topIps())).as("fallback " + since + " " + until)
                    .isEqualTo(expected);
        }
        // the whole days alone: the tenth place is one of the 30 tied addresses (8 bans each), the smallest key
        HistoryStatsRequest days = new HistoryStatsRequest(T0.plusSeconds(86400), T0.plusSeconds(2 * 86400),
                StatsBucket.DAY);
        assertThat(counts(walking.stats(days).topIps())).isEqualTo(groups("ip", " WHERE banned_at >= "
                + T0.plusSeconds(86400).toEpochMilli() + " AND banned_at < " + T0.plusSeconds(2 * 86400).toEpochMilli(),
                10));
    }

    @Test
    void theWalkGoesOnWhileALaterAddressCanStillTieTheTenthPlaceAndWinOnItsKey() throws SQLException {
        // ten addresses with 6 bans of all time, 5 of them in the range; then one with 5 bans, all in the range,
        // whose key sorts first: it belongs in the list although the walk reaches it after the ten others
        for (int ip = 50; ip < 60; ip++) {
            for (int i = 0; i < 6; i++) {
                table.insert("sshd", "10.0.0." + ip, T0.plusSeconds(i == 0 ? -3600 : i), null, "fail2ban");
            }
        }
        for (int i = 0; i < 5; i++) {
            table.insert("sshd", "10.0.0.1", T0.plusSeconds(10 + i), null, "fail2ban");
        }
        SqliteHistoryQueryAdapter walking = new SqliteHistoryQueryAdapter(dataSource,
                new SqliteHistoryStats(dataSource, new SqliteTopAddresses(0, 1)));
        List<HistoryStats.Count> top = walking.stats(new HistoryStatsRequest(T0, T0.plusSeconds(60), StatsBucket.HOUR))
                .topIps();
        assertThat(top).first().isEqualTo(new HistoryStats.Count("10.0.0.1", 5));
        assertThat(top).hasSize(10).allMatch(count -> count.bans() == 5);
    }

    @Test
    void countriesOfAShortRangeAcrossMidnightIncludeThoseSeenOnlyAfterMidnight() {
        table.insert("sshd", "192.0.2.1", T0.minusSeconds(600), "DE", "fail2ban");
        table.insert("sshd", "192.0.2.2", T0.plusSeconds(600), "JP", "fail2ban");
        table.insert("sshd", "192.0.2.3", T0.plusSeconds(700), "JP", "fail2ban");
        HistoryStats stats = adapter.stats(new HistoryStatsRequest(T0.minusSeconds(3600), T0.plusSeconds(3600),
                StatsBucket.DAY));
        assertThat(stats.topCountries()).containsExactly(new HistoryStats.Count("JP", 2),
                new HistoryStats.Count("DE", 1));
    }

    @Test
    void allTimeAddressTotalsFollowInsertsDeletesAndUpdates() throws SQLException {
        for (int i = 0; i < 50; i++) {
            table.insert("sshd", "192.0.2." + (i % 7), T0.plusSeconds(i), null, "fail2ban");
        }
        table.execute("DELETE FROM history WHERE id % 5 = 0");
        table.execute("UPDATE history SET ip = '192.0.2.99' WHERE id % 6 = 0");
        table.execute("UPDATE history SET ip = '192.0.2.98', banned_at = banned_at + 1 WHERE id % 9 = 0");
        Map<String, Long> totals = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT ip, bans FROM history_ip_total ORDER BY bans DESC, ip");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                totals.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertThat(totals).isEqualTo(groups("ip", "", 100));
    }

    @Test
    void statisticsRefuseRangesOfMoreThanTenThousandBuckets() {
        assertThatThrownBy(() -> new HistoryStatsRequest(T0, T0.plusSeconds(3600L * 10_001), StatsBucket.HOUR))
                .hasMessageContaining("10000");
        assertThat(new HistoryStatsRequest(T0, T0.plusSeconds(3600L * 10_000), StatsBucket.HOUR).buckets())
                .isEqualTo(10_000);
    }

    private static HistoryFilter filter(Optional<String> jail, String ip, String country, BanOrigin origin,
                                        Instant since, Instant until) {
        return new HistoryFilter(jail.map(JailName::of), Optional.ofNullable(ip).map(IpNetwork::parse),
                Optional.ofNullable(country), Optional.ofNullable(origin), Optional.ofNullable(since),
                Optional.ofNullable(until));
    }

    private List<String> ips(HistoryFilter filter) {
        return adapter.page(new HistoryPageRequest(filter, 500, Optional.empty())).items().stream()
                .map(e -> e.ban().ip()).toList();
    }

    private long count(String where) throws SQLException {
        return groups("'all'", where, 1).getOrDefault("all", 0L);
    }

    private static Map<String, Long> counts(List<HistoryStats.Count> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(c -> map.put(c.key(), c.bans()));
        return map;
    }

    /** The reference: a plain GROUP BY over the rows, in the order the API promises. */
    private Map<String, Long> groups(String key, String where, int limit) throws SQLException {
        String order = limit == 100_000 ? "k" : "n DESC, k";
        Map<String, Long> groups = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + key + " AS k, COUNT(*) AS n "
                     + "FROM history" + where + " GROUP BY k ORDER BY " + order + " LIMIT " + limit);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                groups.put(rows.getString(1), rows.getLong(2));
            }
        }
        return groups;
    }
}
