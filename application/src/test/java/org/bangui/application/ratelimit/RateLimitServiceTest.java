package org.bangui.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitStoreException;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.junit.jupiter.api.Test;

/** What a failing shared counter store does to each limit. */
class RateLimitServiceTest {

    private static final RateLimit LIMIT = new RateLimit(5, Duration.ofMinutes(1));

    private final RateLimitPort down = new RateLimitPort() {
        @Override
        public RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
            throw new RateLimitStoreException("the rate-limit store (redis) is not reachable", null);
        }

        @Override
        public void refund(String bucket, String key, RateLimit limit) {
            throw new RateLimitStoreException("the rate-limit store (redis) is not reachable", null);
        }

        @Override
        public int evictIdle() {
            return 0;
        }
    };
    private final RateLimitService service = new RateLimitService(down,
            Map.of(LimitedAction.GLOBAL, LIMIT, LimitedAction.BAN, LIMIT));

    @Test
    void theGlobalFloodGuardLetsRequestsOnWhileTheStoreIsDown() {
        assertThatCode(() -> service.check(LimitedAction.GLOBAL, "192.0.2.1")).doesNotThrowAnyException();
    }

    @Test
    void everyOtherLimitFailsClosedWhileTheStoreIsDown() {
        assertThatThrownBy(() -> service.check(LimitedAction.BAN, "192.0.2.1"))
                .isInstanceOf(RateLimitStoreException.class);
    }

    @Test
    void theObserverHearsOfEachRefusalWithItsActionAndOfNothingElse() {
        List<LimitedAction> refused = new ArrayList<>();
        RateLimitPort oneLeft = new RateLimitPort() {
            private int used;

            @Override
            public RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
                return used++ == 0 ? RateLimitDecision.ALLOW : RateLimitDecision.refuse(Duration.ofSeconds(9));
            }

            @Override
            public void refund(String bucket, String key, RateLimit limit) {
            }

            @Override
            public int evictIdle() {
                return 0;
            }
        };
        RateLimitService limited = new RateLimitService(oneLeft, Map.of(LimitedAction.FILTERS, LIMIT), refused::add);
        assertThatCode(() -> limited.check(LimitedAction.FILTERS, "192.0.2.1")).doesNotThrowAnyException();
        assertThatCode(() -> limited.check(LimitedAction.BAN, "192.0.2.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limited.check(LimitedAction.FILTERS, "192.0.2.1"))
                .isInstanceOf(RateLimitedException.class);
        assertThat(refused).containsExactly(LimitedAction.FILTERS);
    }
}
