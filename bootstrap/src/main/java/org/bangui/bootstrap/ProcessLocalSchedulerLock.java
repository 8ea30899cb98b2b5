package org.bangui.bootstrap;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;

/**
 * A scheduler lock that lives in this process only (backend {@code process}): enough for a single instance.
 * A stand-in until the SQLite and Redis lock adapters land; it steps aside as soon as any other
 * {@link SchedulerLockPort} bean exists.
 */
@Singleton
@Requires(missingBeans = SchedulerLockPort.class)
class ProcessLocalSchedulerLock implements SchedulerLockPort {

    private final Clock clock;
    private LockHolder holder;

    ProcessLocalSchedulerLock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryAcquire(LockOwner owner, Duration ttl) {
        Instant now = clock.instant();
        if (holder == null || !holder.expiresAt().isAfter(now) || holder.owner().equals(owner)) {
            Instant acquired = holder != null && holder.owner().equals(owner) && holder.expiresAt().isAfter(now)
                    ? holder.acquiredAt() : now;
            holder = new LockHolder(owner, acquired, now.plus(ttl));
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renew(LockOwner owner, Duration ttl) {
        Instant now = clock.instant();
        if (holder == null || !holder.owner().equals(owner) || !holder.expiresAt().isAfter(now)) {
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
        return Optional.ofNullable(holder).filter(h -> h.expiresAt().isAfter(clock.instant()));
    }

    @Override
    public String backend() {
        return "process";
    }
}
