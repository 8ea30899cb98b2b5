package org.bangui.adapters.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        assertThat(limits.tryAcquire("b", "k", fivePerHour).allowed()).isFalse();
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
    void fullBucketsAreEvictedAndUsedOnesKept() {
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
        for (int i = 0; i < 4; i++) {
            assertThat(limits.tryAcquire("b", "used", fivePerHour).allowed()).as("kept: 4 permits left").isTrue();
        }
        assertThat(limits.tryAcquire("b", "used", fivePerHour).allowed()).isFalse();
    }

    @Test
    void refundGivesOnePermitBackButNeverMoreThanTheLimit() {
        for (int i = 0; i < 5; i++) {
            limits.tryAcquire("b", "k", fivePerHour);
        }
        limits.refund("b", "k", fivePerHour);
        assertThat(limits.tryAcquire("b", "k", fivePerHour).allowed()).isTrue();
        assertThat(limits.tryAcquire("b", "k", fivePerHour).allowed()).isFalse();

        limits.refund("b", "fresh", fivePerHour); // nothing taken: nothing to give back
        limits.tryAcquire("b", "full", fivePerHour);
        for (int i = 0; i < 10; i++) {
            limits.refund("b", "full", fivePerHour);
        }
        for (String key : List.of("fresh", "full")) {
            for (int i = 0; i < 5; i++) {
                assertThat(limits.tryAcquire("b", key, fivePerHour).allowed()).as("%s permit %d", key, i).isTrue();
            }
            assertThat(limits.tryAcquire("b", key, fivePerHour).allowed()).as("%s above capacity", key).isFalse();
        }
    }

    @Test
    void concurrentAcquiresRefundsAndEvictionsNeverAllowMoreThanThePermits() throws Exception {
        int threads = 8;
        // a window so long that nothing refills while the test runs
        RateLimit hundred = new RateLimit(100, Duration.ofDays(3650));
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            Future<?> evictor = pool.submit(() -> {
                start.await();
                while (running.get()) {
                    limits.evictIdle();
                }
                return null;
            });
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    int kept = 0;
                    for (int i = 0; i < 200; i++) {
                        // every other permit is a reservation that is given back at once
                        if (limits.tryAcquire("b", "k", hundred).allowed()) {
                            if (i % 2 == 0) {
                                limits.refund("b", "k", hundred);
                            } else {
                                kept++;
                            }
                        }
                    }
                    return kept;
                }));
            }
            start.countDown();
            int kept = 0;
            for (Future<Integer> worker : workers) {
                kept += worker.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            evictor.get(60, TimeUnit.SECONDS);
            int left = 0;
            while (limits.tryAcquire("b", "k", hundred).allowed()) {
                left++;
            }
            assertThat(kept).as("permits kept by all threads together").isLessThanOrEqualTo(100);
            assertThat(kept + left).as("no permit lost to an eviction, none created by a refund").isEqualTo(100);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }
}
