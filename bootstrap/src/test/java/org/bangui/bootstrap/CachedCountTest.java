package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedCountTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void countsAgainOnlyOncePerInterval() {
        AtomicInteger queries = new AtomicInteger();
        CachedCount count = new CachedCount(() -> queries.incrementAndGet() * 10, clock, Duration.ofSeconds(15));
        assertThat(count.value()).isEqualTo(10);
        now = now.plusSeconds(14);
        assertThat(count.value()).isEqualTo(10);
        assertThat(queries).hasValue(1);
        now = now.plusSeconds(1);
        assertThat(count.value()).isEqualTo(20);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailedCountKeepsThePreviousValueAndIsNotRetriedBeforeTheNextInterval() {
        AtomicInteger queries = new AtomicInteger();
        CachedCount count = new CachedCount(() -> {
            if (queries.incrementAndGet() > 1) {
                throw new IllegalStateException("store down");
            }
            return 7;
        }, clock, Duration.ofSeconds(15));
        assertThat(count.value()).isEqualTo(7);
        now = now.plusSeconds(15);
        assertThat(count.value()).isEqualTo(7);
        assertThat(count.value()).isEqualTo(7);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aCallerWhileACountIsTakenGetsThePreviousValueWithoutQuerying() throws Exception {
        CountDownLatch inQuery = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger queries = new AtomicInteger();
        CachedCount count = new CachedCount(() -> {
            queries.incrementAndGet();
            inQuery.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 3;
        }, clock, Duration.ofSeconds(15));
        CompletableFuture<Double> first = CompletableFuture.supplyAsync(count::value);
        assertThat(inQuery.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(count.value()).isNaN(); // nothing counted yet, and no second query
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(queries).hasValue(1);
    }
}
