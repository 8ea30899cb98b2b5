package org.bangui.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * A count that is expensive to take (a store query), for a gauge: taken again only when older than its time to
 * live, by one caller at a time; concurrent callers get the previous value instead of waiting or querying too.
 * NaN until a count succeeded; a failed count keeps the previous value.
 */
final class CachedCount {

    private static final System.Logger LOG = System.getLogger(CachedCount.class.getName());

    private final IntSupplier source;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile double value = Double.NaN;
    private volatile Instant takenAt = Instant.MIN;

    CachedCount(IntSupplier source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The count, taken now if the last one is older than the time to live and nobody is taking it. */
    double value() {
        Instant now = clock.instant();
        if (takenAt.plus(ttl).isAfter(now) || !counting.compareAndSet(false, true)) {
            return value;
        }
        try {
            value = source.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "session_count_failed", e);
        } finally {
            takenAt = now; // a failure waits for the next period too: a failing store is not asked on every scrape
            counting.set(false);
        }
        return value;
    }
}
