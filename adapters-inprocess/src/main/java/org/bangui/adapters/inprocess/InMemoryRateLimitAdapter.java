package org.bangui.adapters.inprocess;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;

/**
 * {@link RateLimitPort} with one bucket4j token bucket per (bucket, key) in this process. Buckets refill
 * gradually ({@code permits} per {@code window}); a full bucket carries no information and is evicted by
 * {@link #evictIdle()}. Every operation on a bucket runs inside the map's per-key {@code compute}, so an
 * eviction can never drop a bucket between another thread finding it and taking a permit from it.
 */
public final class InMemoryRateLimitAdapter implements RateLimitPort {

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();

    private record Entry(Bucket bucket, long capacity) {

        boolean isFull() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    @Override
    public RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
        ConsumptionProbe[] probe = new ConsumptionProbe[1];
        buckets.compute(key(bucket, key), (k, existing) -> {
            Entry entry = existing != null ? existing : newEntry(limit);
            probe[0] = entry.bucket().tryConsumeAndReturnRemaining(1);
            return entry;
        });
        return probe[0].isConsumed() ? RateLimitDecision.ALLOW
                : RateLimitDecision.refuse(Duration.ofNanos(probe[0].getNanosToWaitForRefill()));
    }

    @Override
    public void refund(String bucket, String key, RateLimit limit) {
        // bucket4j's addTokens caps at the capacity; a missing bucket is a full one, nothing to give back
        buckets.computeIfPresent(key(bucket, key), (k, entry) -> {
            entry.bucket().addTokens(1);
            return entry;
        });
    }

    /** Always: the counters live in this process's memory. */
    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public int evictIdle() {
        int evicted = 0;
        for (String key : buckets.keySet()) {
            boolean[] removed = new boolean[1];
            buckets.computeIfPresent(key, (k, entry) -> {
                removed[0] = entry.isFull();
                return removed[0] ? null : entry;
            });
            evicted += removed[0] ? 1 : 0;
        }
        return evicted;
    }

    private static String key(String bucket, String key) {
        return bucket + '\u0000' + key;
    }

    private static Entry newEntry(RateLimit limit) {
        return new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.permits()).refillGreedy(limit.permits(), limit.window())
                        .build())
                .build(), limit.permits());
    }
}
