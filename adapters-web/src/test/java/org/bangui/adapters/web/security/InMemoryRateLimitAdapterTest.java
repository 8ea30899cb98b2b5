package org.bangui.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitAdapterTest {

    private final InMemoryRateLimitAdapter limits = new InMemoryRateLimitAdapter();
    private final RateLimit fivePerHour = new RateLimit(5, Duration.ofHours(1));

    @Test
    void allowsThePermitsThenRefusesWithARetryTime() {
        for (int i = 0; i < 5; i++) {
            assertThat(limits.tryAcquire("b", "k", fivePerHour).allowed()).isTrue();
        }
        RateLimitDecision refused = limits.tryAcquire("b", "k", fivePerHour);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(12));
        assertThat(limits.peek("b", "k", fivePerHour).allowed()).isFalse();
    }

    @Test
    void keysAndBucketsAreIndependent() {
        for (int i = 0; i < 5; i++) {
            limits.tryAcquire("b", "k", fivePerHour);
        }
        assertThat(limits.tryAcquire("b", "other", fivePerHour).allowed()).isTrue();
        assertThat(limits.tryAcquire("c", "k", fivePerHour).allowed()).isTrue();
    }

    @Test
    void peekDoesNotConsumeAndFullBucketsAreEvicted() {
        assertThat(limits.peek("b", "fresh", fivePerHour).allowed()).isTrue();
        limits.tryAcquire("b", "used", fivePerHour);
        assertThat(limits.evictIdle()).as("a bucket that is not full is kept").isZero();
        RateLimit quick = new RateLimit(1, Duration.ofMillis(1));
        limits.tryAcquire("q", "k", quick);
        long deadline = System.nanoTime() + 1_000_000_000L;
        int evicted = 0;
        while (evicted == 0 && System.nanoTime() < deadline) {
            evicted = limits.evictIdle();
        }
        assertThat(evicted).as("the refilled bucket is evicted, the used one is not").isEqualTo(1);
        assertThat(limits.peek("b", "used", fivePerHour).allowed()).isTrue();
    }
}
