package org.bangui.domain.scheduler;

import java.time.Duration;
import java.util.Optional;

/**
 * A lease that at most one owner holds at a time. Every operation is one atomic step in the store, so two
 * instances that race for a free or lapsed lock cannot both win. A lock lapses when it was not renewed for
 * {@code ttl}; it is then free for anyone. Implementations must be safe for concurrent use. Store failures
 * surface as {@link SchedulerLockException}; the caller must then assume it does not hold the lock.
 */
public interface SchedulerLockPort {

    /**
     * Takes the lock if it is free or lapsed, or renews it if {@code owner} already holds it.
     *
     * @return whether {@code owner} holds the lock now, for {@code ttl} from now
     */
    boolean tryAcquire(LockOwner owner, Duration ttl);

    /**
     * Extends the lock by {@code ttl} from now, only if {@code owner} still holds it (and it has not lapsed
     * and been taken by another meanwhile).
     *
     * @return false if {@code owner} no longer holds it: it was lost
     */
    boolean renew(LockOwner owner, Duration ttl);

    /** Frees the lock at once if {@code owner} holds it; does nothing otherwise. */
    void release(LockOwner owner);

    /** The current, unlapsed holder; empty if the lock is free. */
    Optional<LockHolder> holder();

    /** The store's name as reported by the API: {@code sqlite} or {@code redis}. */
    String backend();
}
