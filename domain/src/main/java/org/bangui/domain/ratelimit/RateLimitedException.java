package org.bangui.domain.ratelimit;

import java.time.Duration;
import org.bangui.domain.shared.DomainException;

/** A request refused by a rate limit. */
public final class RateLimitedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(code, Category.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
