package org.bangui.application.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockException;
import org.bangui.domain.scheduler.SchedulerLockPort;

/** An in-memory {@link SchedulerLockPort} shared by several "instances"; can be made to fail. */
final class InMemorySchedulerLock implements SchedulerLockPort {

    private final Clock clock;
    private LockHolder holder;
    volatile boolean failing;

    InMemorySchedulerLock(Clock clock) {
        this.clock = clock;
    }

    private void check() {
        if (failing) {
            throw new SchedulerLockException("store down", null);
        }
    }

    @Override
    public synchronized boolean tryAcquire(LockOwner owner, Duration ttl) {
        check();
        if (holder == null || !holder.expiresAt().isAfter(clock.instant()) || holder.owner().equals(owner)) {
            holder = new LockHolder(owner, clock.instant(), clock.instant().plus(ttl));
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renew(LockOwner owner, Duration ttl) {
        check();
        if (holder == null || !holder.owner().equals(owner) || !holder.expiresAt().isAfter(clock.instant())) {
            return false;
        }
        holder = new LockHolder(owner, holder.acquiredAt(), clock.instant().plus(ttl));
        return true;
    }

    @Override
    public synchronized void release(LockOwner owner) {
        check();
        if (holder != null && holder.owner().equals(owner)) {
            holder = null;
        }
    }

    @Override
    public synchronized Optional<LockHolder> holder() {
        check();
        return Optional.ofNullable(holder).filter(h -> h.expiresAt().isAfter(clock.instant()));
    }

    @Override
    public String backend() {
        return "memory";
    }
}
