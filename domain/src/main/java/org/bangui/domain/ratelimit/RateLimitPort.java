package org.bangui.domain.ratelimit;

/**
 * Counters for rate limits, one per (bucket, key). Implementations must be safe for concurrent use; a shared
 * store (Redis) lets several instances enforce one limit.
 *
 * <p>There is deliberately no way to look at a counter without changing it: a check followed by a separate
 * count lets parallel requests all pass the check before any of them is counted. A caller that only knows
 * later whether an attempt should count reserves it with {@link #tryAcquire} first and gives it back with
 * {@link #refund}.
 */
public interface RateLimitPort {

    /**
     * Takes one permit for {@code key} in {@code bucket} if the limit allows it; checking and taking are one
     * atomic step, so of any number of concurrent calls at most the available permits are allowed.
     *
     * @return {@link RateLimitDecision#ALLOW}, or a refusal with the time until a permit is available
     */
    RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit);

    /**
     * Gives back one permit that {@link #tryAcquire} took for {@code key} in {@code bucket}, for an attempt
     * that turned out not to count (a login whose password was right). The counter never rises above the
     * limit's permits, so a refund without a matching acquire, or one after the counter refilled or was
     * evicted, has no effect.
     */
    void refund(String bucket, String key, RateLimit limit);

    /**
     * Whether a call is answered from this process's memory without I/O, so that it may run on a thread that
     * must never block (an HTTP event loop). A store across the network answers false.
     */
    default boolean inProcess() {
        return false;
    }

    /** Drops counters that have refilled completely and so carry no information; returns how many. */
    int evictIdle();
}
