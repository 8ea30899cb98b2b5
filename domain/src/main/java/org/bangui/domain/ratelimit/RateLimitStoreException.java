package org.bangui.domain.ratelimit;

import org.bangui.domain.shared.DomainException;

/**
 * The shared rate-limit store (Redis) could not be read or written, so whether a request is within its limit
 * is not known. Callers fail closed: the request is refused with 503 rather than let through unlimited.
 */
public final class RateLimitStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RateLimitStoreException(String message, Throwable cause) {
        super("rate_limit_store_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
