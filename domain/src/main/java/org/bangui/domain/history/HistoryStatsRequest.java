package org.bangui.domain.history;

import java.time.Instant;
import java.util.Objects;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Statistics over the bans that started in {@code [since, until)}.
 *
 * @param since the first instant counted
 * @param until the first instant not counted
 * @param bucket the timeline's bucket width
 */
public record HistoryStatsRequest(Instant since, Instant until, StatsBucket bucket) {

    /** The most timeline points one request may ask for. */
    public static final int MAX_BUCKETS = 10_000;
    /** The length of each top list. */
    public static final int TOP = 10;

    /**
     * @throws InvalidInputException {@code invalid_time_range} if {@code since} is after {@code until},
     *     {@code too_many_buckets} if the timeline would have more than {@link #MAX_BUCKETS} points
     */
    public HistoryStatsRequest {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(bucket, "bucket");
        if (since.isAfter(until)) {
            throw new InvalidInputException("invalid_time_range", "since must not be after until");
        }
        if (bucketCount(since, until, bucket) > MAX_BUCKETS) {
            throw new InvalidInputException("too_many_buckets", "the timeline would have more than " + MAX_BUCKETS
                    + " buckets: shorten the range or use a wider bucket");
        }
    }

    /** The start of the first bucket: {@code since} rounded down to the bucket width (UTC). */
    public Instant firstBucket() {
        long width = bucket.width().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(since.toEpochMilli(), width) * width);
    }

    /** How many timeline points the answer has. */
    public int buckets() {
        return (int) bucketCount(since, until, bucket);
    }

    private static long bucketCount(Instant since, Instant until, StatsBucket bucket) {
        long width = bucket.width().toMillis();
        long first = Math.floorDiv(since.toEpochMilli(), width);
        long end = Math.floorDiv(until.toEpochMilli() - 1, width);
        return until.equals(since) ? 0 : end - first + 1;
    }
}
