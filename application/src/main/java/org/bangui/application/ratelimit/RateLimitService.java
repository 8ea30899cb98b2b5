package org.bangui.application.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitStoreException;
import org.bangui.domain.ratelimit.RateLimitedException;

/**
 * The configured limit per action over {@link RateLimitPort}; an action without a limit is not limited. When a
 * shared store fails ({@link RateLimitStoreException}) every limit fails closed (503) except the global
 * per-client flood guard, which lets the request on: otherwise a Redis outage would also take down the health
 * probes that report it and the session checks that answer it with their own 503.
 */
public final class RateLimitService implements CheckRateLimitUseCase {

    private final RateLimitPort counters;
    private final Map<LimitedAction, RateLimit> limits;
    private final RateLimitObserver observer;

    /** @param limits the enabled limits; actions missing from the map are unlimited */
    public RateLimitService(RateLimitPort counters, Map<LimitedAction, RateLimit> limits) {
        this(counters, limits, RateLimitObserver.NONE);
    }

    /**
     * @param limits the enabled limits; actions missing from the map are unlimited
     * @param observer told about every refusal
     */
    public RateLimitService(RateLimitPort counters, Map<LimitedAction, RateLimit> limits,
                            RateLimitObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.limits = limits.isEmpty() ? new EnumMap<>(LimitedAction.class) : new EnumMap<>(limits);
    }

    @Override
    public boolean checksInProcess() {
        return counters.inProcess();
    }

    @Override
    public void check(LimitedAction action, String clientKey) {
        RateLimit limit = limits.get(action);
        if (limit == null) {
            return;
        }
        RateLimitDecision decision;
        try {
            decision = counters.tryAcquire(action.bucket(), clientKey, limit);
        } catch (RateLimitStoreException unknown) {
            if (action == LimitedAction.GLOBAL) {
                return;
            }
            throw unknown;
        }
        if (!decision.allowed()) {
            observer.refused(action);
            throw new RateLimitedException("rate_limited", "too many requests (" + action.bucket() + ": "
                    + limit.permits() + " per " + limit.window().toSeconds() + " s); retry later",
                    decision.retryAfter());
        }
    }
}
