package org.bangui.domain.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a request may proceed and, if not, how long until it may.
 *
 * @param allowed whether it may proceed
 * @param retryAfter how long to wait when refused; zero when allowed
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    public static final RateLimitDecision ALLOW = new RateLimitDecision(true, Duration.ZERO);

    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static RateLimitDecision refuse(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }
}
