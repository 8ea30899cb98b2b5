package org.bangui.application.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.job.JobOutcome;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.job.JobStoreException;
import org.bangui.domain.job.JobTrigger;
import org.bangui.domain.shared.DomainException;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Owns every background job: schedules each on its own {@link ScheduledExecutorService} (one thread per job, so
 * a slow job delays no other), runs each at most once at a time (a scheduled firing while a run is going is
 * {@code skipped}; a manual one is refused), runs leader-only jobs only while {@link SchedulerLeadership} says so,
 * and records runs through {@link JobRunPort} as the job's {@link RunRecording} says. At shutdown it
 * {@link #stopAccepting() stops accepting} runs and {@link #drain(Duration) drains} the running ones; those still
 * running at the timeout are interrupted and recorded {@code interrupted}.
 */
public final class JobRunner implements ListJobsUseCase, RunJobUseCase {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());
    private static final int MAX_DETAIL = 300;

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final JobRunPort runs;
    private final SchedulerLeadership leadership;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private final JobObserver observer;
    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean accepting;

    /** A runner that tells nobody about its runs. */
    public JobRunner(List<Job> jobs, JobRunPort runs, SchedulerLeadership leadership, RecordAuditUseCase audit,
                     Clock clock) {
        this(jobs, runs, leadership, audit, clock, JobObserver.NONE);
    }

    /**
     * @param observer told about every run that ended
     * @throws IllegalArgumentException if two jobs share a name
     */
    public JobRunner(List<Job> jobs, JobRunPort runs, SchedulerLeadership leadership, RecordAuditUseCase audit,
                     Clock clock, JobObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.leadership = Objects.requireNonNull(leadership, "leadership");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Job job : jobs) {
            if (slots.putIfAbsent(job.name(), new Slot(job)) != null) {
                throw new IllegalArgumentException("two jobs are named " + job.name());
            }
        }
        AtomicInteger threads = new AtomicInteger();
        // one thread per job plus one, so that a firing that finds its job running is never queued behind it
        this.executor = new ScheduledThreadPoolExecutor(slots.size() + 1, r -> {
            Thread thread = new Thread(r, "bangui-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Schedules every job's first run. Called once, when the service has started. */
    public synchronized void start() {
        if (accepting) {
            return;
        }
        accepting = true;
        Instant now = clock.instant();
        for (Slot slot : slots.values()) {
            schedule(slot, slot.job.schedule().first(now));
        }
        LOG.log(System.Logger.Level.INFO, "scheduler_started jobs=" + slots.size() + " role="
                + leadership.role().code());
    }

    /** The registered job names, in registration order. */
    public List<String> names() {
        return List.copyOf(slots.keySet());
    }

    /** Whether a run of {@code job} is going on in this instance; false for a name no job has. Reads no store. */
    public boolean isRunning(String job) {
        Slot slot = slots.get(job);
        return slot != null && slot.running.get() != null;
    }

    @Override
    public long run(RunJobCommand command) {
        try {
            Slot slot = slots.get(command.job());
            if (slot == null) {
                throw new UnknownJobException();
            }
            if (!accepting) {
                throw new StandbyException("it is not running jobs (starting or shutting down)");
            }
            if (leadership.role() != SchedulerLeadership.Role.LEADER) {
                throw new StandbyException(explainStandby());
            }
            Run run = new Run(JobTrigger.MANUAL, clock.instant());
            if (!slot.running.compareAndSet(null, run)) {
                throw new JobRunningException(slot.job.name());
            }
            try {
                run.id = runs.start(slot.job.name(), leadership.instance().id(), JobTrigger.MANUAL, run.startedAt).id();
                executor.execute(() -> execute(slot, run));
            } catch (DomainException e) {
                slot.running.compareAndSet(run, null);
                throw e;
            } catch (RejectedExecutionException e) {
                finish(slot, run, JobOutcome.INTERRUPTED, "the service is shutting down");
                throw new StandbyException("it is shutting down");
            } catch (RuntimeException e) {
                // a store failure that escaped its adapter (a transaction that could not begin or commit)
                slot.running.compareAndSet(run, null);
                throw new JobStoreException("cannot record the start of a job run", e);
            }
            audit.record(command.actor(), AuditAction.JOB_RUN, slot.job.name(), "");
            return run.id;
        } catch (DomainException e) {
            audit.record(command.actor(), AuditAction.JOB_RUN, printable(command.job(), 64), e.code());
            throw e;
        }
    }

    /**
     * Asks for a run of {@code job} as soon as possible, unrecorded as a manual run: now if it is idle, right after
     * the current run otherwise. Does nothing if this instance does not run the job (standby, shutting down): the
     * job's own schedule, on whichever instance runs it, catches up.
     *
     * @throws UnknownJobException if no job has the name
     */
    public void runSoon(String job) {
        Slot slot = slots.get(job);
        if (slot == null) {
            throw new UnknownJobException();
        }
        if (!accepting || (slot.job.scope() == JobScope.LEADER && !leadership.isLeader())) {
            return;
        }
        slot.again = true;
        synchronized (slot) {
            if (slot.running.get() == null && slot.again) {
                ScheduledFuture<?> next = slot.next;
                if (next != null && next.cancel(false)) {
                    schedule(slot, clock.instant());
                }
            }
        }
    }

    private String explainStandby() {
        if (leadership.role() == SchedulerLeadership.Role.DISABLED) {
            return "its scheduler is disabled (BANGUI_SCHEDULER_ENABLED=false)";
        }
        return leadership.holder().map(h -> "the scheduler lock is held by " + h.owner().id())
                .orElse("no instance holds the scheduler lock at the moment");
    }

    private void schedule(Slot slot, Instant at) {
        if (!accepting) {
            slot.nextRunAt = null;
            return;
        }
        slot.nextRunAt = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            slot.next = executor.schedule(() -> fire(slot), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            slot.nextRunAt = null; // shut down meanwhile
        }
    }

    /** A scheduled firing: runs the job here unless it is not this instance's to run, or it is running. */
    private void fire(Slot slot) {
        if (!accepting) {
            return;
        }
        // cleared whether or not this instance runs it: a standby that kept it set would fire again at once, forever
        slot.again = false;
        try {
            if (slot.job.scope() == JobScope.EVERY_INSTANCE || leadership.isLeader()) {
                Run run = new Run(JobTrigger.SCHEDULE, clock.instant());
                if (slot.running.compareAndSet(null, run)) {
                    execute(slot, run);
                } else {
                    skipped(slot, run.startedAt);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job_scheduling_failed job=" + slot.job.name(), e);
        } finally {
            synchronized (slot) {
                schedule(slot, slot.again ? clock.instant() : slot.job.schedule().nextAfter(clock.instant()));
            }
        }
    }

    private void execute(Slot slot, Run run) {
        run.thread = Thread.currentThread();
        Job job = slot.job;
        if (run.id == 0 && job.recording() == RunRecording.ALL) {
            try {
                run.id = runs.start(job.name(), leadership.instance().id(), run.trigger, run.startedAt).id();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "job_run_not_started job=" + job.name() + " reason="
                        + reason(e));
                slot.running.compareAndSet(run, null);
                return;
            }
        }
        JobOutcome outcome;
        String detail;
        try {
            job.run(new Context(slot, run));
            outcome = JobOutcome.SUCCEEDED;
            detail = run.detail;
        } catch (InterruptedException e) {
            outcome = JobOutcome.INTERRUPTED;
            detail = "interrupted";
        } catch (RuntimeException e) {
            outcome = JobOutcome.FAILED;
            detail = e instanceof DomainException d ? d.code() + ": " + printable(e.getMessage(), MAX_DETAIL)
                    : "unexpected failure; see the log (job_run_failed)";
            LOG.log(System.Logger.Level.WARNING, "job_run_failed job=" + job.name() + " run=" + run.id + " reason="
                    + (e instanceof DomainException d ? d.code() : "unexpected"),
                    e instanceof DomainException ? null : e);
        } finally {
            run.thread = null;
            Thread.interrupted(); // a pool thread must not carry the job's interrupt into the next job
        }
        finish(slot, run, outcome, detail);
    }

    /** Ends a run once: the job's own end and the shutdown's interruption race for it, the first one counts. */
    private void finish(Slot slot, Run run, JobOutcome outcome, String detail) {
        if (!run.finished.compareAndSet(false, true)) {
            return;
        }
        Instant end = clock.instant();
        Job job = slot.job;
        Duration took = Duration.between(run.startedAt, end);
        // before the end is recorded: whoever sees the recorded end sees it counted too
        observer.finished(job.name(), outcome, took.isNegative() ? Duration.ZERO : took);
        boolean firstOfStreak = slot.lastOutcome == null || slot.lastOutcome == JobOutcome.SUCCEEDED;
        boolean persist = run.id != 0 || (outcome != JobOutcome.SUCCEEDED
                && (outcome != JobOutcome.FAILED || firstOfStreak));
        try {
            if (persist && run.id == 0) {
                run.id = runs.start(job.name(), leadership.instance().id(), run.trigger, run.startedAt).id();
            }
            if (run.id != 0) {
                runs.finish(run.id, end, outcome, printable(detail, MAX_DETAIL));
            }
        } catch (RuntimeException e) {
            // whatever the store throws, the slot is freed below: a run left "running" would refuse every later one
            LOG.log(System.Logger.Level.WARNING, "job_run_not_recorded job=" + job.name() + " reason=" + reason(e));
        }
        slot.lastOutcome = outcome;
        slot.last = new JobRun(run.id, job.name(), leadership.instance().id(), run.trigger, run.startedAt,
                Optional.of(end), Optional.of(outcome), printable(detail, MAX_DETAIL));
        slot.running.compareAndSet(run, null);
        System.Logger.Level level = outcome == JobOutcome.SUCCEEDED && job.recording() == RunRecording.UNSUCCESSFUL
                && run.trigger == JobTrigger.SCHEDULE ? System.Logger.Level.DEBUG : System.Logger.Level.INFO;
        LOG.log(level, "job_run_finished job=" + job.name() + " run=" + run.id + " trigger=" + run.trigger.code()
                + " outcome=" + outcome.code() + " ms=" + Duration.between(run.startedAt, end).toMillis());
    }

    private void skipped(Slot slot, Instant at) {
        Job job = slot.job;
        String detail = "the previous run was still running";
        long id = 0;
        if (job.recording() == RunRecording.ALL) {
            try {
                id = runs.start(job.name(), leadership.instance().id(), JobTrigger.SCHEDULE, at).id();
                runs.finish(id, at, JobOutcome.SKIPPED, detail);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "job_run_not_recorded job=" + job.name() + " reason=" + reason(e));
            }
        }
        observer.finished(job.name(), JobOutcome.SKIPPED, Duration.ZERO);
        LOG.log(System.Logger.Level.INFO, "job_run_skipped job=" + job.name() + " run=" + id);
    }

    /**
     * Cancels every scheduled firing; manual runs are refused from now on. Logs
     * {@code scheduler_stopped_accepting_jobs}.
     */
    public synchronized void stopAccepting() {
        accepting = false;
        for (Slot slot : slots.values()) {
            ScheduledFuture<?> next = slot.next;
            if (next != null) {
                next.cancel(false);
            }
            slot.nextRunAt = null;
        }
        LOG.log(System.Logger.Level.INFO, "scheduler_stopped_accepting_jobs");
    }

    /**
     * Waits up to {@code timeout} for the running jobs to end, renewing the scheduler lock every heartbeat meanwhile
     * if this instance holds it (so that no standby takes over while they run); then interrupts those still running and
     * records them {@code interrupted}. Logs {@code waiting_for_pending_tasks count=N}, then
     * {@code pending_tasks_completed} or {@code pending_tasks_timeout cancelled_count=N}. Stops the executor either
     * way.
     *
     * @return whether every job ended in time
     */
    public boolean drain(Duration timeout) {
        List<Slot> busy = busy();
        LOG.log(System.Logger.Level.INFO, "waiting_for_pending_tasks count=" + busy.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        long beat = leadership.heartbeatInterval().toNanos();
        long nextBeat = System.nanoTime() + beat;
        try {
            while (!busy.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(20, (deadline - System.nanoTime()) / 1_000_000)));
                if (System.nanoTime() - nextBeat >= 0) {
                    // the scheduled heartbeat was cancelled with the other firings: keep the lease while jobs run
                    leadership.renewIfHeld();
                    nextBeat = System.nanoTime() + beat;
                }
                busy = busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy = busy();
        }
        if (busy.isEmpty()) {
            executor.shutdownNow();
            LOG.log(System.Logger.Level.INFO, "pending_tasks_completed");
            return true;
        }
        int cancelled = 0;
        for (Slot slot : busy) {
            Run run = slot.running.get();
            if (run != null) {
                Thread thread = run.thread;
                // record first: the interrupted job would otherwise race to record its own, vaguer, end
                finish(slot, run, JobOutcome.INTERRUPTED, "still running when the shutdown timeout ran out");
                if (thread != null) {
                    thread.interrupt();
                }
                cancelled++;
            }
        }
        executor.shutdownNow();
        LOG.log(System.Logger.Level.INFO, "pending_tasks_timeout cancelled_count=" + cancelled);
        return false;
    }

    private List<Slot> busy() {
        return slots.values().stream().filter(s -> s.running.get() != null).toList();
    }

    @Override
    public SchedulerStatus scheduler() {
        return new SchedulerStatus(leadership.role(), leadership.instance().id(),
                leadership.holder().map(h -> h.owner().id()), leadership.backend());
    }

    @Override
    public List<JobStatus> jobs() {
        List<JobStatus> list = new ArrayList<>(slots.size());
        for (Slot slot : slots.values()) {
            Optional<JobRun> last = Optional.ofNullable(slot.last);
            if (last.isEmpty()) {
                try {
                    last = runs.latest(slot.job.name()).filter(r -> !r.running());
                } catch (DomainException e) {
                    last = Optional.empty();
                }
            }
            list.add(new JobStatus(slot.job.name(), slot.job.schedule().describe(), slot.running.get() != null, last,
                    Optional.ofNullable(slot.nextRunAt)));
        }
        return list;
    }

    @Override
    public JobRunPage runs(Optional<String> job, int limit, OptionalLong beforeId) {
        if (job.isPresent() && !slots.containsKey(job.get())) {
            throw new InvalidInputException("invalid_job", "no job has this name");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return runs.list(job, limit, beforeId);
    }

    /** A store failure's code for the log; never its message, which may name files or hosts. */
    private static String reason(RuntimeException e) {
        return e instanceof DomainException d ? d.code() : "store_failed";
    }

    static String printable(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max));
        for (int i = 0; i < raw.length() && out.length() < max; i++) {
            char c = raw.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    /** One registered job and its state. */
    private static final class Slot {
        final Job job;
        final AtomicReference<Run> running = new AtomicReference<>();
        volatile ScheduledFuture<?> next;
        volatile Instant nextRunAt;
        volatile JobRun last;
        volatile JobOutcome lastOutcome;
        /** A run was asked for while one was going: run again right after it. */
        volatile boolean again;

        Slot(Job job) {
            this.job = job;
        }
    }

    /** One run in progress. */
    private static final class Run {
        final JobTrigger trigger;
        final Instant startedAt;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile long id;
        volatile Thread thread;
        volatile String detail = "";

        Run(JobTrigger trigger, Instant startedAt) {
            this.trigger = trigger;
            this.startedAt = startedAt;
        }
    }

    /** What the running job sees. */
    private final class Context implements JobContext {
        private final Slot slot;
        private final Run run;

        Context(Slot slot, Run run) {
            this.slot = slot;
            this.run = run;
        }

        @Override
        public boolean stillLeader() {
            return accepting && !run.finished.get() && !Thread.currentThread().isInterrupted()
                    && (slot.job.scope() == JobScope.EVERY_INSTANCE || leadership.isLeader());
        }

        @Override
        public void detail(String detail) {
            run.detail = detail == null ? "" : detail;
        }
    }
}
