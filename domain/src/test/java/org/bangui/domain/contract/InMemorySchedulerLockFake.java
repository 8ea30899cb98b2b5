package org.bangui.domain.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;

/** {@link SchedulerLockPort} in one field guarded by the object's monitor, for tests of its callers. */
public final class InMemorySchedulerLockFake implements SchedulerLockPort {

    private final Clock clock;
    private LockHolder holder;

    public InMemorySchedulerLockFake(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryAcquire(LockOwner owner, Duration ttl) {
        Instant now = clock.instant();
        if (holder == null || !now.isBefore(holder.expiresAt())) {
            holder = new LockHolder(owner, now, now.plus(ttl));
            return true;
        }
        if (holder.owner().equals(owner)) {
            holder = new LockHolder(owner, holder.acquiredAt(), now.plus(ttl));
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renew(LockOwner owner, Duration ttl) {
        Instant now = clock.instant();
        if (holder == null || !holder.owner().equals(owner) || !now.isBefore(holder.expiresAt())) {
            return false;
        }
        holder = new LockHolder(owner, holder.acquiredAt(), now.plus(ttl));
        return true;
    }

    @Override
    public synchronized void release(LockOwner owner) {
        if (holder != null && holder.owner().equals(owner)) {
            holder = null;
        }
    }

    @Override
    public synchronized Optional<LockHolder> holder() {
        return Optional.ofNullable(holder).filter(h -> clock.instant().isBefore(h.expiresAt()));
    }

    @Override
    public String backend() {
        return "memory";
    }
}
