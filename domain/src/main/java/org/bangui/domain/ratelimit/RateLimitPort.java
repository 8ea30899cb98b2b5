package org.bangui.domain.ratelimit;

/**
 * Counters for rate limits, one per (bucket, key). Implementations must be safe for concurrent use; a shared
 * store (Redis) lets several instances enforce one limit.
 */
public interface RateLimitPort {

    /** Takes one permit for {@code key} in {@code bucket} if the limit allows it. */
    RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit);

    /** Whether a permit is available now, without taking it. */
    RateLimitDecision peek(String bucket, String key, RateLimit limit);

    /** Drops counters that have refilled completely and so carry no information; returns how many. */
    int evictIdle();
}
