package org.bangui.application.ban;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchiveException;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.bangui.domain.server.CommandRejectedException;
import org.bangui.domain.shared.DomainException;

/**
 * What every manual ban and unban shares: changes to one target are serialised (so that the archive records
 * them in fail2ban's order), the outcome of a command whose reply timed out is settled from fail2ban's late
 * reply or from its state, and changes are archived and, when only known later, audited.
 *
 * <p>Serialisation holds within this process; the targets are hashed onto a fixed set of locks, so two
 * different targets may occasionally wait for each other, which costs nothing because fail2ban runs one
 * command at a time anyway.
 */
public final class BanChanges {

    private static final System.Logger LOG = System.getLogger(BanChanges.class.getName());
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final HistoryArchivePort history;
    private final GeoLookupPort geo;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private final Duration outcomeWait;
    private final BanObserver observer;

    /**
     * @param outcomeWait how long a request waits for fail2ban's late reply after the command timed out,
     *                    before it answers that the outcome is unknown
     */
    public BanChanges(HistoryArchivePort history, GeoLookupPort geo, RecordAuditUseCase audit, Clock clock,
                      Duration outcomeWait) {
        this(history, geo, audit, clock, outcomeWait, BanObserver.NONE);
    }

    /**
     * @param outcomeWait as above
     * @param observer told about every change made, as a {@link BanOrigin#MANUAL manual} one
     */
    public BanChanges(HistoryArchivePort history, GeoLookupPort geo, RecordAuditUseCase audit, Clock clock,
                      Duration outcomeWait, BanObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.history = Objects.requireNonNull(history, "history");
        this.geo = Objects.requireNonNull(geo, "geo");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outcomeWait = Objects.requireNonNull(outcomeWait, "outcomeWait");
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code change} while no other change to {@code target} runs in this process. */
    <T> T serialised(IpNetwork target, Supplier<T> change) {
        ReentrantLock lock = locks[Math.floorMod(target.hashCode(), STRIPES)];
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Settles a command whose reply timed out. Waits up to the outcome wait for fail2ban's late reply; if the
     * reply is lost (connection closed), reads the state back instead. If neither is known in time, arranges
     * for {@code late} to receive the outcome once it is known and rethrows {@code unknown}.
     *
     * @param readBack the result the command would have had, derived from fail2ban's current state
     * @return the command's result
     * @throws CommandOutcomeUnknownException if the outcome cannot be known within the wait
     * @throws DomainException fail2ban's own refusal of the command, when that is the late reply
     */
    <T> T settle(CommandOutcomeUnknownException unknown, Class<T> type, Supplier<T> readBack, Consumer<T> late) {
        CompletableFuture<T> reply = unknown.lateReply(type);
        try {
            return reply.get(outcomeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            reply.whenComplete((value, failure) -> {
                Optional<T> outcome = failure == null ? Optional.of(value) : readBackQuietly(failure, readBack);
                outcome.ifPresentOrElse(late, () -> LOG.log(Level.ERROR, "ban_outcome_unresolved: fail2ban did "
                        + "not answer and its state could not be read; check it by hand"));
            });
            throw unknown;
        } catch (ExecutionException failed) {
            if (isRefusal(failed.getCause())) {
                throw (DomainException) failed.getCause();
            }
            try {
                return readBack.get();
            } catch (DomainException stillUnreachable) {
                throw unknown;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unknown;
        }
    }

    private static <T> Optional<T> readBackQuietly(Throwable failure, Supplier<T> readBack) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (isRefusal(cause)) {
            LOG.log(Level.WARNING, "fail2ban_late_refusal: fail2ban refused a command late: {0}", cause.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(readBack.get());
        } catch (DomainException unreachable) {
            return Optional.empty();
        }
    }

    private static boolean isRefusal(Throwable cause) {
        return cause instanceof CommandRejectedException || cause instanceof UnknownJailException;
    }

    /**
     * Runs a requested change and audits its outcome once: success, or the code of the domain failure it
     * throws (an unknown outcome is audited as {@code outcome_unknown} now and reconciled by {@link #auditLate}).
     */
    <T> T audited(Actor actor, AuditAction action, String target, Supplier<T> change) {
        return audit.recordOutcome(actor, action, target, change);
    }

    /** Records a change whose outcome became known after its request was answered. */
    void auditLate(Actor actor, AuditAction action, String target, List<BanChange> events) {
        archive(events);
        LOG.log(Level.INFO, "ban_outcome_reconciled action={0} target={1} changed={2}", action.code(), target,
                !events.isEmpty());
        audit.record(actor, action, target, events.isEmpty() ? "no_change_late" : "");
    }

    /**
     * Archives at once: a ban becomes a {@code manual} entry (merged later with fail2ban's record of it by
     * {@code history_sync}), an unban ends the open entries of its jail and target as {@code unbanned} by its
     * actor. A failure is logged and does not hide a change fail2ban already made.
     */
    void archive(List<BanChange> changes) {
        for (BanChange change : changes) {
            if (change.type() == BanChange.Type.BAN) {
                observer.banned(BanOrigin.MANUAL, 1);
            } else {
                observer.unbanned(BanOrigin.MANUAL, 1);
            }
            try {
                if (change.type() == BanChange.Type.BAN) {
                    history.archive(List.of(new BanRecord(change.jail().value(), change.target().text(), change.at(),
                            change.banTime().map(t -> t.seconds()), 1, 0, List.of(), country(change.target()),
                            BanOrigin.MANUAL)));
                } else {
                    history.endOpen(change.jail().value(), change.target().text(), change.at(), EndReason.UNBANNED,
                            Optional.of(change.actor()));
                }
            } catch (HistoryArchiveException e) {
                LOG.log(Level.ERROR, "ban_archive_write_failed: fail2ban already applied the change", e);
            }
        }
    }

    private Optional<String> country(org.bangui.domain.net.IpNetwork target) {
        return target.isHost() ? geo.lookup(target.address()).country() : Optional.empty();
    }

    /** Now, for event times. */
    java.time.Instant now() {
        return clock.instant();
    }
}
