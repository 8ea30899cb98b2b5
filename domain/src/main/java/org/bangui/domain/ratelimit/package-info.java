/**
 * Rate limits: a limit, the decision for one request, and {@link org.bangui.domain.ratelimit.RateLimitPort},
 * the counter store that an in-memory or Redis adapter implements.
 */
package org.bangui.domain.ratelimit;
