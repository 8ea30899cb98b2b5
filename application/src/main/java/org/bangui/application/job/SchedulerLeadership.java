package org.bangui.application.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.bangui.domain.shared.DomainException;

/**
 * Holds, renews and releases the scheduler lock for this instance. {@link #heartbeat()} is called every
 * heartbeat interval: it renews the lock while held, and otherwise tries to take it (a lock without heartbeat
 * for the TTL is free). A leader that cannot renew counts itself leader only until one heartbeat before its TTL
 * runs out, so it stops starting jobs before another instance can take over. On taking the lock it marks the
 * unfinished runs of other instances {@code interrupted}. Also the {@code scheduler} health component: down only
 * while the lock store fails.
 */
public final class SchedulerLeadership implements ComponentProbePort {

    private static final System.Logger LOG = System.getLogger(SchedulerLeadership.class.getName());

    /** This instance's part in scheduling. */
    public enum Role {
        LEADER, STANDBY, DISABLED;

        /** The lower-case name used in the API. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final SchedulerLockPort lock;
    private final JobRunPort runs;
    private final LockOwner owner;
    private final boolean enabled;
    private final Duration ttl;
    private final Duration heartbeat;
    private final Clock clock;

    private volatile boolean held;
    private volatile Instant validUntil = Instant.MIN;
    private volatile boolean storeFailing;
    private volatile boolean released;
    private boolean otherHolderLogged;

    /**
     * @param enabled false for an API-only instance: it never takes the lock
     * @throws IllegalArgumentException if the TTL is shorter than three heartbeats
     */
    public SchedulerLeadership(SchedulerLockPort lock, JobRunPort runs, LockOwner owner, boolean enabled,
                               Duration ttl, Duration heartbeat, Clock clock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.enabled = enabled;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("the scheduler lock TTL (" + ttl.toMillis() + " ms) must be at least "
                    + "three heartbeats (" + heartbeat.multipliedBy(3).toMillis() + " ms)");
        }
    }

    /** The heartbeat interval. */
    public Duration heartbeatInterval() {
        return heartbeat;
    }

    /**
     * One heartbeat: renews the lock if held, else tries to take it. Never throws: a store failure is logged
     * ({@code scheduler_lock_heartbeat_failed}) and leadership lapses one heartbeat before the TTL would.
     */
    public synchronized void heartbeat() {
        if (!enabled || released) {
            return;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        try {
            if (held) {
                renew(now);
            } else {
                acquire(now);
            }
            storeFailing = false;
        } catch (DomainException e) {
            storeFailing = true;
            LOG.log(System.Logger.Level.WARNING, "scheduler_lock_heartbeat_failed reason=" + e.code());
            if (held && !now.isBefore(validUntil)) {
                held = false;
                LOG.log(System.Logger.Level.WARNING, "scheduler_lock_lost reason=no_heartbeat");
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > heartbeat.toMillis()) {
            LOG.log(System.Logger.Level.WARNING, "scheduler_lock_heartbeat_timeout ms=" + ms);
        }
    }

    /**
     * Renews the lock if this instance holds it, and never takes it: the heartbeat of a leader whose jobs are
     * draining at shutdown, when the scheduled heartbeat no longer fires. Without it the lease would lapse during
     * a drain longer than the TTL and a standby would take over (and record the still-running jobs
     * {@code interrupted}) while they run here. Never throws.
     */
    public synchronized void renewIfHeld() {
        if (held) {
            heartbeat();
        }
    }

    private void renew(Instant now) {
        if (lock.renew(owner, ttl)) {
            validUntil = now.plus(ttl).minus(heartbeat);
            LOG.log(System.Logger.Level.DEBUG, "scheduler_lock_heartbeat_updated instance=" + owner);
        } else {
            held = false;
            LOG.log(System.Logger.Level.WARNING, "scheduler_lock_lost reason=taken_over");
        }
    }

    private void acquire(Instant now) {
        if (lock.tryAcquire(owner, ttl)) {
            validUntil = now.plus(ttl).minus(heartbeat);
            held = true;
            otherHolderLogged = false;
            LOG.log(System.Logger.Level.INFO, "scheduler_lock_acquired instance=" + owner + " backend="
                    + lock.backend());
            interruptOrphans(now);
        } else if (!otherHolderLogged) {
            otherHolderLogged = true;
            LOG.log(System.Logger.Level.INFO, "scheduler_lock_held_by_other_instance holder="
                    + holder().map(h -> h.owner().id()).orElse("unknown"));
        }
    }

    private void interruptOrphans(Instant now) {
        try {
            int count = runs.interruptUnfinished(owner.id(), now, "its instance stopped or lost the scheduler lock");
            if (count > 0) {
                LOG.log(System.Logger.Level.INFO, "job_runs_interrupted count=" + count);
            }
        } catch (DomainException e) {
            LOG.log(System.Logger.Level.WARNING, "job_runs_not_interrupted reason=" + e.code());
        }
    }

    /** Whether this instance may start leader-only jobs now. */
    public boolean isLeader() {
        return enabled && held && !released && clock.instant().isBefore(validUntil);
    }

    /** Leader, standby or disabled. */
    public Role role() {
        if (!enabled) {
            return Role.DISABLED;
        }
        return isLeader() ? Role.LEADER : Role.STANDBY;
    }

    /** This instance's lock owner id. */
    public LockOwner instance() {
        return owner;
    }

    /** The current holder as the store sees it; empty if free or if the store cannot be read. */
    public Optional<LockHolder> holder() {
        try {
            return lock.holder();
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** The lock store's name: {@code sqlite} or {@code redis}. */
    public String backend() {
        return lock.backend();
    }

    /**
     * Releases the lock at once (at shutdown) and takes no further part: later heartbeats do nothing. Logs
     * {@code scheduler_lock_released}. Never throws.
     */
    public synchronized void release() {
        released = true;
        boolean wasHeld = held;
        held = false;
        if (wasHeld) {
            try {
                lock.release(owner);
            } catch (DomainException e) {
                LOG.log(System.Logger.Level.WARNING, "scheduler_lock_release_failed reason=" + e.code());
            }
        }
        LOG.log(System.Logger.Level.INFO, "scheduler_lock_released held=" + wasHeld);
    }

    @Override
    public String component() {
        return "scheduler";
    }

    /** Up unless the lock store fails; the detail is the role and the backend, never the holder's host. */
    @Override
    public ProbeResult probe() {
        Role role = role();
        if (role == Role.DISABLED) {
            return ProbeResult.up("disabled");
        }
        String detail = role.code() + " (" + lock.backend() + ")";
        return storeFailing ? ProbeResult.down(detail + ", lock store unreachable") : ProbeResult.up(detail);
    }
}
