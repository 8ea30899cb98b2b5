package org.bangui.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SchedulerLockPort} does: at most one owner at a time, renew and release only by the owner,
 * and a lock not renewed within its TTL is free for anyone. Lapses use short real TTLs and a bounded wait.
 */
public abstract class SchedulerLockPortContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofMillis(300);

    protected final LockOwner alice = LockOwner.of("host-a", 101, "r4nd0m-a");
    protected final LockOwner bob = LockOwner.of("host-b", 202, "r4nd0m-b");
    protected SchedulerLockPort lock;
    protected SchedulerLockPort otherInstance;

    /** A store with a free lock, fresh for each test. */
    protected abstract SchedulerLockPort freeLock();

    /**
     * The same store as the last {@link #freeLock()}, reached the way a second BanGUI instance would (its own
     * connection or pool); the same object if the store lives in one process.
     */
    protected abstract SchedulerLockPort sameStoreOtherInstance();

    @BeforeEach
    void freshLock() {
        lock = freeLock();
        otherInstance = sameStoreOtherInstance();
    }

    @Test
    void aFreeLockIsTakenAndItsHolderReported() {
        Instant before = Instant.now().minusSeconds(1);

        assertThat(lock.tryAcquire(alice, MINUTE)).isTrue();

        LockHolder holder = otherInstance.holder().orElseThrow();
        assertThat(holder.owner()).isEqualTo(alice);
        assertThat(holder.acquiredAt()).isAfter(before);
        assertThat(holder.expiresAt()).isAfter(holder.acquiredAt());
    }

    @Test
    void aFreeLockHasNoHolder() {
        assertThat(lock.holder()).isEmpty();
        assertThat(lock.backend()).isNotBlank();
    }

    @Test
    void aHeldLockIsRefusedToAnotherOwnerAndRenewedForItsHolder() {
        lock.tryAcquire(alice, MINUTE);

        assertThat(otherInstance.tryAcquire(bob, MINUTE)).isFalse();
        assertThat(lock.tryAcquire(alice, MINUTE)).isTrue();
        assertThat(lock.renew(alice, MINUTE)).isTrue();
        assertThat(lock.holder().orElseThrow().owner()).isEqualTo(alice);
    }

    @Test
    void renewAndReleaseByAnotherOwnerChangeNothing() {
        lock.tryAcquire(alice, MINUTE);
        Instant expiresAt = lock.holder().orElseThrow().expiresAt();

        assertThat(otherInstance.renew(bob, Duration.ofHours(1))).isFalse();
        otherInstance.release(bob);

        LockHolder holder = lock.holder().orElseThrow();
        assertThat(holder.owner()).isEqualTo(alice);
        assertThat(holder.expiresAt()).isEqualTo(expiresAt);
    }

    @Test
    void renewOfAFreeLockFailsAndTakesNothing() {
        assertThat(lock.renew(alice, MINUTE)).isFalse();
        assertThat(lock.holder()).isEmpty();
    }

    @Test
    void releaseFreesTheLockForTheNextOwner() {
        lock.tryAcquire(alice, MINUTE);

        lock.release(alice);

        assertThat(lock.holder()).isEmpty();
        assertThat(otherInstance.tryAcquire(bob, MINUTE)).isTrue();
        assertThat(lock.holder().orElseThrow().owner()).isEqualTo(bob);
    }

    @Test
    void aLockNotRenewedWithinItsTtlIsTakenOverAndLostToItsHolder() {
        lock.tryAcquire(alice, SHORT);

        Eventually.await("the lock lapsed", Duration.ofSeconds(10), () -> lock.holder().isEmpty());
        assertThat(otherInstance.tryAcquire(bob, MINUTE)).isTrue();

        assertThat(lock.renew(alice, MINUTE)).isFalse();
        assertThat(lock.tryAcquire(alice, MINUTE)).isFalse();
        lock.release(alice);
        assertThat(lock.holder().orElseThrow().owner()).isEqualTo(bob);
    }

    @Test
    void ofOwnersRacingForAFreeLockExactlyOneWins() {
        for (int round = 0; round < 10; round++) {
            List<LockOwner> owners = new ArrayList<>();
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LockOwner owner = LockOwner.of("host-" + i, 1000 + i, "round-" + round);
                SchedulerLockPort instance = i % 2 == 0 ? lock : otherInstance;
                owners.add(owner);
                attempts.add(() -> instance.tryAcquire(owner, MINUTE));
            }

            List<Boolean> won = Race.run(attempts);

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            LockOwner winner = owners.get(won.indexOf(true));
            assertThat(lock.holder().orElseThrow().owner()).isEqualTo(winner);
            lock.release(winner);
        }
    }
}
