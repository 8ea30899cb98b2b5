package org.bangui.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.contract.SchedulerLockPortContract;
import org.bangui.domain.scheduler.SchedulerLockException;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis lock keeps the contract; the second instance has its own connection. */
class RedisSchedulerLockAdapterIT extends SchedulerLockPortContract {

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
    protected SchedulerLockPort freeLock() {
        server.flushAll();
        return new RedisSchedulerLockAdapter(connector);
    }

    @Override
    protected SchedulerLockPort sameStoreOtherInstance() {
        return new RedisSchedulerLockAdapter(secondInstance);
    }

    @Test
    void theKeyExpiresWithTheLease() {
        lock.tryAcquire(alice, Duration.ofMinutes(1));

        long ttl = connector.commands().pttl(RedisSchedulerLockAdapter.KEY);

        assertThat(ttl).isPositive().isLessThanOrEqualTo(60_000);
        assertThat(connector.commands().get(RedisSchedulerLockAdapter.KEY)).startsWith(alice.id() + " ");
    }

    @Test
    void aValueThisServiceDidNotWriteIsTakenOverInsteadOfBlockingEveryInstance() {
        connector.commands().set(RedisSchedulerLockAdapter.KEY, "garbage");
        assertThat(lock.holder()).isEmpty();
        assertThat(lock.tryAcquire(alice, Duration.ofMinutes(1))).isTrue();
        assertThat(lock.holder()).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo(alice));

        connector.commands().set(RedisSchedulerLockAdapter.KEY, "someone 1 2"); // readable, but without expiry
        assertThat(lock.tryAcquire(alice, Duration.ofMinutes(1))).isTrue();
        assertThat(connector.commands().pttl(RedisSchedulerLockAdapter.KEY)).isPositive();
    }

    @Test
    void aPausedRedisIsALockFailure() {
        server.pause();
        try {
            assertThatThrownBy(() -> lock.renew(alice, Duration.ofMinutes(1)))
                    .isInstanceOf(SchedulerLockException.class)
                    .hasMessage("the scheduler lock store (redis) did not answer in time");
        } finally {
            server.resume();
            Answering.await(connector);
        }
    }
}
