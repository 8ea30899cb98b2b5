package org.bangui.adapters.web.security;

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
 * {@link #evictIdle()}.
 */
public final class InMemoryRateLimitAdapter implements RateLimitPort {

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();

    private record Entry(Bucket bucket, long capacity) {
    }

    @Override
    public RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
        ConsumptionProbe probe = entry(bucket, key, limit).bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? RateLimitDecision.ALLOW
                : RateLimitDecision.refuse(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public RateLimitDecision peek(String bucket, String key, RateLimit limit) {
        Entry entry = buckets.get(key(bucket, key));
        if (entry == null) {
            return RateLimitDecision.ALLOW;
        }
        var estimate = entry.bucket().estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? RateLimitDecision.ALLOW
                : RateLimitDecision.refuse(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    @Override
    public int evictIdle() {
        int before = buckets.size();
        buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
        return before - buckets.size();
    }

    private static String key(String bucket, String key) {
        return bucket + '\u0000' + key;
    }

    private Entry entry(String bucket, String key, RateLimit limit) {
        return buckets.computeIfAbsent(key(bucket, key), k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.permits()).refillGreedy(limit.permits(), limit.window())
                        .build())
                .build(), limit.permits()));
    }
}
