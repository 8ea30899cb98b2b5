package org.bangui.application.ratelimit;

/**
 * Told about every request a rate limit refused, for operational figures (metrics). An implementation must be
 * quick and must not throw.
 */
public interface RateLimitObserver {

    /** Observes nothing. */
    RateLimitObserver NONE = action -> { };

    /** A request was refused by the limit of {@code action} (its bucket). */
    void refused(LimitedAction action);
}
