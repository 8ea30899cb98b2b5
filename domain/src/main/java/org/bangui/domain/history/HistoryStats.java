package org.bangui.domain.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Counts of archived bans over a time range.
 *
 * @param total how many bans started in the range
 * @param timeline one point per bucket of the range, oldest first, empty buckets included
 * @param topJails the jails with the most bans, most first, at most {@link HistoryStatsRequest#TOP}
 * @param topIps the addresses (or ban ids) with the most bans, most first
 * @param topCountries the countries with the most bans, most first; bans of unknown country are not listed
 */
public record HistoryStats(long total, List<Point> timeline, List<Count> topJails, List<Count> topIps,
                           List<Count> topCountries) {

    /** Copies the lists. */
    public HistoryStats {
        timeline = List.copyOf(timeline);
        topJails = List.copyOf(topJails);
        topIps = List.copyOf(topIps);
        topCountries = List.copyOf(topCountries);
    }

    /** The bans that started in the bucket beginning at {@code start}. */
    public record Point(Instant start, long bans) {

        /** @throws NullPointerException if start is null */
        public Point {
            Objects.requireNonNull(start, "start");
        }
    }

    /** How many bans one key (a jail, an address, a country) has. */
    public record Count(String key, long bans) {

        /** @throws NullPointerException if key is null */
        public Count {
            Objects.requireNonNull(key, "key");
        }
    }
}
