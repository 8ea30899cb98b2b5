package org.bangui.domain.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code permits} per {@code window}, refilled gradually.
 *
 * @param permits requests allowed per window, at least 1
 * @param window the window, positive
 */
public record RateLimit(long permits, Duration window) {

    /** @throws IllegalArgumentException if permits or window is not positive */
    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (permits < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs positive permits and window");
        }
    }
}
