package org.bangui.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitPort} does: a token bucket of {@code permits} that refills gradually over the
 * window, checked and taken in one atomic step, with the wait until the next permit on a refusal.
 */
public abstract class RateLimitPortContract {

    private static final RateLimit FIVE_PER_HOUR = new RateLimit(5, Duration.ofHours(1));

    protected RateLimitPort limits;
    /** A bucket name of its own per test, so that stores shared between tests do not mix counters. */
    protected final String bucket = "contract-" + UUID.randomUUID();

    /** An empty store, fresh for each test (or one where {@link #bucket} was never used). */
    protected abstract RateLimitPort emptyStore();

    @BeforeEach
    void freshStore() {
        limits = emptyStore();
    }

    private long allowedOf(int attempts, String key, RateLimit limit) {
        long allowed = 0;
        for (int i = 0; i < attempts; i++) {
            allowed += limits.tryAcquire(bucket, key, limit).allowed() ? 1 : 0;
        }
        return allowed;
    }

    @Test
    void allowsThePermitsThenRefusesWithTheTimeUntilTheNextPermit() {
        assertThat(allowedOf(5, "192.0.2.10", FIVE_PER_HOUR)).isEqualTo(5);

        RateLimitDecision refused = limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR);

        assertThat(refused.allowed()).isFalse();
        // one permit comes back every 12 minutes; a little of it has refilled while the test ran
        assertThat(refused.retryAfter()).isGreaterThan(Duration.ofMinutes(11))
                .isLessThanOrEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void anAllowedRequestWaitsForNothing() {
        assertThat(limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR)).isEqualTo(RateLimitDecision.ALLOW);
    }

    @Test
    void keysAndBucketsCountSeparately() {
        allowedOf(5, "192.0.2.10", FIVE_PER_HOUR);

        assertThat(limits.tryAcquire(bucket, "192.0.2.11", FIVE_PER_HOUR).allowed()).isTrue();
        assertThat(limits.tryAcquire(bucket + "-other", "192.0.2.10", FIVE_PER_HOUR).allowed()).isTrue();
        assertThat(limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR).allowed()).isFalse();
    }

    @Test
    void refundGivesBackOnePermit() {
        allowedOf(5, "192.0.2.10", FIVE_PER_HOUR);

        limits.refund(bucket, "192.0.2.10", FIVE_PER_HOUR);

        assertThat(allowedOf(3, "192.0.2.10", FIVE_PER_HOUR)).isEqualTo(1);
    }

    @Test
    void refundsNeverRaiseTheCounterAboveTheLimit() {
        for (int i = 0; i < 3; i++) {
            limits.refund(bucket, "192.0.2.10", FIVE_PER_HOUR);
        }
        limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR);
        limits.refund(bucket, "192.0.2.10", FIVE_PER_HOUR);
        limits.refund(bucket, "192.0.2.10", FIVE_PER_HOUR);

        assertThat(allowedOf(8, "192.0.2.10", FIVE_PER_HOUR)).isEqualTo(5);
    }

    @Test
    void ofManyParallelRequestsExactlyThePermitsAreAllowed() {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            attempts.add(() -> limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR).allowed());
        }

        assertThat(Race.run(attempts).stream().filter(allowed -> allowed).count()).isEqualTo(5);
    }

    @Test
    void aRefusedKeyIsAllowedAgainOnceAPermitRefilled() {
        RateLimit twoPerSecond = new RateLimit(2, Duration.ofSeconds(1));
        allowedOf(2, "192.0.2.10", twoPerSecond);
        assertThat(limits.tryAcquire(bucket, "192.0.2.10", twoPerSecond).allowed()).isFalse();

        Eventually.await("a permit refilled", Duration.ofSeconds(10),
                () -> limits.tryAcquire(bucket, "192.0.2.10", twoPerSecond).allowed());
    }

    @Test
    void evictingIdleCountersKeepsTheUsedOnes() {
        allowedOf(5, "192.0.2.10", FIVE_PER_HOUR);

        assertThat(limits.evictIdle()).isNotNegative();

        assertThat(limits.tryAcquire(bucket, "192.0.2.10", FIVE_PER_HOUR).allowed()).isFalse();
    }
}
