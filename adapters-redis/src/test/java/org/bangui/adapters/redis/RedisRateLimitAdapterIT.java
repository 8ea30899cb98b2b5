package org.bangui.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.contract.RateLimitPortContract;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis token buckets keep the rate-limit contract, are shared by instances, and fail closed. */
class RedisRateLimitAdapterIT extends RateLimitPortContract {

    private static RedisServerSandbox server;
    private static RedisConnector connector;
    private static RedisConnector secondInstance;

    @BeforeAll
    static void start() {
        server = RedisServerSandbox.start();
        connector = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()), Duration.ofSeconds(1));
        secondInstance = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        connector.close();
        secondInstance.close();
        server.close();
    }

    @Override
    protected RateLimitPort emptyStore() {
        return new RedisRateLimitAdapter(connector);
    }

    @Test
    void twoInstancesDrawFromOneBucket() {
        RateLimit limit = new RateLimit(4, Duration.ofHours(1));
        RateLimitPort other = new RedisRateLimitAdapter(secondInstance);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += (i % 2 == 0 ? limits : other).tryAcquire(bucket, "192.0.2.20", limit).allowed() ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(4);
    }

    @Test
    void aBucketExpiresInRedisOnceFullAgain() {
        limits.tryAcquire(bucket, "192.0.2.21", new RateLimit(10, Duration.ofSeconds(1)));

        org.bangui.domain.contract.Eventually.await("the full bucket expired", Duration.ofSeconds(10),
                () -> connector.commands().exists(RedisRateLimitAdapter.PREFIX + bucket + ":192.0.2.21") == 0);
    }

    @Test
    void aPausedRedisRefusesInsteadOfAllowing() {
        server.pause();
        try {
            assertThatThrownBy(() -> limits.tryAcquire(bucket, "192.0.2.22", new RateLimit(5, Duration.ofMinutes(1))))
                    .isInstanceOf(RateLimitStoreException.class)
                    .extracting(e -> ((RateLimitStoreException) e).code()).isEqualTo("rate_limit_store_unavailable");
        } finally {
            server.resume();
            Answering.await(connector);
        }
    }
}
