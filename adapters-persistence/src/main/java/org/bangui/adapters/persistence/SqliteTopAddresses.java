package org.bangui.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;

/**
 * The exact top addresses of a range by a threshold walk: addresses are visited in descending order of their
 * all-time total ({@code history_ip_total}), each one's count in the range is read through indexes (whole days
 * from {@code history_day_ip} by {@code (ip, day)}, the partial days at the ends from {@code history} by its
 * identity index {@code (jail, ip, banned_at)}), and the walk stops as soon as the next all-time total is below
 * the current tenth place: no address after it can enter the list, not even on a tie. On attack data (a heavy
 * tail) that visits a few dozen addresses instead of summing every (day, address) row of the range.
 *
 * <p>The walk is worth it only on large ranges, and can be long when the range's leaders are not the all-time
 * ones; so it is skipped below {@code directBelow} bans, and it gives up after visiting one address per
 * {@code bansPerVisit} bans of the range. The caller then sums the rollup rows instead ({@link Optional#empty()}).
 *
 * @param directBelow ranges with fewer bans than this are summed directly
 * @param bansPerVisit the walk's budget: one visited address per this many bans of the range
 */
record SqliteTopAddresses(long directBelow, long bansPerVisit) {

    /** Defaults measured on the benchmark archive (Docs/PERFORMANCE.md): a visit costs about 40 rollup rows. */
    static final SqliteTopAddresses DEFAULT = new SqliteTopAddresses(50_000, 40);

    private static final Comparator<HistoryStats.Count> ORDER =
            Comparator.comparingLong(HistoryStats.Count::bans).reversed().thenComparing(HistoryStats.Count::key);

    private static final String IN_RANGE = "SELECT (SELECT COALESCE(SUM(bans), 0) FROM history_day_ip"
            + " WHERE ip = ?1 AND day >= ?2 AND day < ?3)"
            + " + (SELECT COUNT(*) FROM history WHERE jail IN (SELECT DISTINCT jail FROM history_hour_jail"
            + " WHERE hour >= ?4 / 3600000 AND hour <= (?5 - 1) / 3600000) AND ip = ?1"
            + " AND banned_at >= ?4 AND banned_at < ?5)"
            + " + (SELECT COUNT(*) FROM history WHERE jail IN (SELECT DISTINCT jail FROM history_hour_jail"
            + " WHERE hour >= ?6 / 3600000 AND hour <= (?7 - 1) / 3600000) AND ip = ?1"
            + " AND banned_at >= ?6 AND banned_at < ?7)";

    /**
     * The top addresses of the range, or empty when the walk does not pay (see the class comment).
     *
     * @param total the number of bans in the range
     * @param wholeDays the whole UTC days of the range, as day numbers {@code [from, to)}
     * @param ends the partial ends, epoch millis {@code [headFrom, headTo)} and {@code [tailFrom, tailTo)}
     */
    Optional<List<HistoryStats.Count>> top(Connection connection, long total, long[] wholeDays, long[] ends)
            throws SQLException {
        if (total < directBelow) {
            return Optional.empty();
        }
        long budget = total / bansPerVisit;
        List<HistoryStats.Count> best = new ArrayList<>(HistoryStatsRequest.TOP + 1);
        try (PreparedStatement walk = connection.prepareStatement(
                     "SELECT ip, bans FROM history_ip_total ORDER BY bans DESC, ip");
             PreparedStatement count = connection.prepareStatement(IN_RANGE)) {
            count.setLong(2, wholeDays[0]);
            count.setLong(3, wholeDays[1]);
            for (int i = 0; i < 4; i++) {
                count.setLong(4 + i, ends[i]);
            }
            long visited = 0;
            try (ResultSet candidates = walk.executeQuery()) {
                while (candidates.next()) {
                    long allTime = candidates.getLong(2);
                    if (best.size() == HistoryStatsRequest.TOP && allTime < best.get(best.size() - 1).bans()) {
                        break; // no later address can reach the tenth place
                    }
                    if (visited++ >= budget) {
                        return Optional.empty();
                    }
                    String ip = candidates.getString(1);
                    long inRange = inRange(count, ip);
                    if (inRange > 0) {
                        add(best, new HistoryStats.Count(ip, inRange));
                    }
                }
            }
        }
        return Optional.of(best);
    }

    private static long inRange(PreparedStatement count, String ip) throws SQLException {
        count.setString(1, ip);
        try (ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Inserts in order and keeps the first {@link HistoryStatsRequest#TOP}. */
    private static void add(List<HistoryStats.Count> best, HistoryStats.Count candidate) {
        int at = 0;
        while (at < best.size() && ORDER.compare(best.get(at), candidate) <= 0) {
            at++;
        }
        if (at < HistoryStatsRequest.TOP) {
            best.add(at, candidate);
            if (best.size() > HistoryStatsRequest.TOP) {
                best.remove(best.size() - 1);
            }
        }
    }
}
