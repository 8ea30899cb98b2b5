package org.bangui.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.domain.history.HistoryReadException;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;

/**
 * Statistics from the V7 rollups: whole UTC hours come from {@code history_hour_jail}, whole UTC days from
 * {@code history_day_country} and {@code history_day_ip}, and the partial hours or days at either end of the
 * range from the {@code history} rows themselves (through the {@code history_time} index), so the answer is
 * exact for any range while the work stays proportional to hours and days, not to bans. The top addresses of
 * a large range come from a threshold walk ({@link SqliteTopAddresses}) instead of summing every (day, address)
 * row of the range.
 */
final class SqliteHistoryStats {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    /**
     * The partial days of the country counts, read from the covering index {@code history_country_time} one
     * country of that day at a time: a filter on {@code country IS NOT NULL} would read every row of the day
     * from the table (a day of a large archive is some 16,000 rows on as many pages).
     */
    private static final String COUNTRY_ENDS = " UNION ALL SELECT country, 1 FROM history WHERE banned_at >= ?4"
            + " AND banned_at < ?5 AND country IN (SELECT country FROM history_day_country"
            + " WHERE day >= ?4 / 86400000 AND day <= (?5 - 1) / 86400000)"
            + " UNION ALL SELECT country, 1 FROM history WHERE banned_at >= ?6 AND banned_at < ?7"
            + " AND country IN (SELECT country FROM history_day_country"
            + " WHERE day >= ?6 / 86400000 AND day <= (?7 - 1) / 86400000)";

    private final DataSource dataSource;
    private final SqliteTopAddresses topAddresses;

    SqliteHistoryStats(DataSource dataSource) {
        this(dataSource, SqliteTopAddresses.DEFAULT);
    }

    SqliteHistoryStats(DataSource dataSource, SqliteTopAddresses topAddresses) {
        this.dataSource = dataSource;
        this.topAddresses = topAddresses;
    }

    HistoryStats stats(HistoryStatsRequest request) {
        long since = request.since().toEpochMilli();
        long until = request.until().toEpochMilli();
        Split hours = Split.of(since, until, HOUR);
        Split days = Split.of(since, until, DAY);
        long width = request.bucket().width().toMillis();
        try (Connection connection = dataSource.getConnection()) {
            long[] buckets = new long[request.buckets()];
            long first = request.firstBucket().toEpochMilli();
            query(connection, "SELECT start, SUM(bans) FROM (SELECT (hour * 3600000 / ?1) * ?1 AS start, bans"
                    + " FROM history_hour_jail WHERE hour >= ?2 AND hour < ?3" + ends("(banned_at / ?1) * ?1", "")
                    + ") GROUP BY start", hours, width,
                    (start, bans) -> buckets[(int) ((Long.parseLong(start) - first) / width)] += bans);
            List<HistoryStats.Point> timeline = new ArrayList<>(buckets.length);
            long total = 0;
            for (int i = 0; i < buckets.length; i++) {
                timeline.add(new HistoryStats.Point(Instant.ofEpochMilli(first + i * width), buckets[i]));
                total += buckets[i];
            }
            return new HistoryStats(total, timeline,
                    top(connection, "SELECT jail AS k, bans FROM history_hour_jail WHERE hour >= ?2 AND hour < ?3"
                            + ends("jail", ""), hours),
                    topAddresses(connection, total, days),
                    top(connection, "SELECT country AS k, bans FROM history_day_country WHERE day >= ?2 AND day < ?3"
                            + COUNTRY_ENDS, days));
        } catch (SQLException e) {
            throw new HistoryReadException("cannot compute history statistics", e);
        }
    }

    private List<HistoryStats.Count> topAddresses(Connection connection, long total, Split days)
            throws SQLException {
        Optional<List<HistoryStats.Count>> walked = topAddresses.top(connection, total,
                new long[] {days.wholeFrom / DAY, days.wholeTo / DAY},
                new long[] {days.headFrom, days.headTo, days.tailFrom, days.tailTo});
        if (walked.isPresent()) {
            return walked.get();
        }
        return top(connection, "SELECT ip AS k, bans FROM history_day_ip WHERE day >= ?2 AND day < ?3"
                + ends("ip", ""), days);
    }

    /** The rows of the two partial ends, {@code [?4, ?5)} and {@code [?6, ?7)}, as (key, 1) pairs. */
    private static String ends(String key, String condition) {
        return " UNION ALL SELECT " + key + ", 1 FROM history WHERE banned_at >= ?4 AND banned_at < ?5" + condition
                + " UNION ALL SELECT " + key + ", 1 FROM history WHERE banned_at >= ?6 AND banned_at < ?7" + condition;
    }

    private static List<HistoryStats.Count> top(Connection connection, String union, Split split)
            throws SQLException {
        String sql = "SELECT k, SUM(bans) AS n FROM (" + union + ") GROUP BY k ORDER BY n DESC, k LIMIT "
                + HistoryStatsRequest.TOP;
        List<HistoryStats.Count> counts = new ArrayList<>();
        query(connection, sql, split, 1, (key, bans) -> counts.add(new HistoryStats.Count(key, bans)));
        return counts;
    }

    /** Binds ?1 the bucket width, ?2 and ?3 the whole units, ?4 to ?7 the partial ends. */
    private static void query(Connection connection, String sql, Split split, long width, Row row)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, width);
            statement.setLong(2, split.wholeFrom / split.unit);
            statement.setLong(3, split.wholeTo / split.unit);
            statement.setLong(4, split.headFrom);
            statement.setLong(5, split.headTo);
            statement.setLong(6, split.tailFrom);
            statement.setLong(7, split.tailTo);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getString(1), rows.getLong(2));
                }
            }
        }
    }

    @FunctionalInterface
    private interface Row {
        void accept(String key, long bans);
    }

    /** A range cut into whole units {@code [wholeFrom, wholeTo)} and partial ends before and after them. */
    private record Split(long unit, long wholeFrom, long wholeTo, long headFrom, long headTo, long tailFrom,
                         long tailTo) {

        static Split of(long since, long until, long unit) {
            long wholeFrom = Math.floorDiv(since + unit - 1, unit) * unit;
            long wholeTo = Math.floorDiv(until, unit) * unit;
            if (wholeFrom >= wholeTo) { // no whole unit: the rows themselves, all of them
                return new Split(unit, 0, 0, since, until, until, until);
            }
            return new Split(unit, wholeFrom, wholeTo, since, wholeFrom, wholeTo, until);
        }
    }
}
