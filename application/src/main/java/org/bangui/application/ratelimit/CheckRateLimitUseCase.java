package org.bangui.application.ratelimit;

/** Applies the rate limits. */
public interface CheckRateLimitUseCase {

    /**
     * Takes one permit of {@code action}'s limit for {@code clientKey}; does nothing if the limit is disabled.
     *
     * @throws org.bangui.domain.ratelimit.RateLimitedException if the limit is exhausted
     */
    void check(LimitedAction action, String clientKey);

    /** Whether {@link #check} never blocks on I/O (the counters live in this process). */
    boolean checksInProcess();
}
