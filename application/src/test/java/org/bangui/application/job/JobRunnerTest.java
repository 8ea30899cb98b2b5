package org.bangui.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.job.JobOutcome;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobStoreException;
import org.bangui.domain.job.JobTrigger;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

    private static final Duration BEAT = Duration.ofSeconds(5);
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Actor ADMIN = Actor.anonymous("192.0.2.9");

    private final InMemoryJobRuns runs = new InMemoryJobRuns();
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private final RecordAuditUseCase audit = (actor, action, target, failure) ->
            audited.add(action.code() + " " + target + " " + (failure.isEmpty() ? "ok" : failure));
    private final ExecutorService callers = Executors.newFixedThreadPool(10);
    private final List<JobRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() {
        callers.shutdownNow();
        runners.forEach(r -> {
            r.stopAccepting();
            r.drain(Duration.ZERO);
        });
    }

    private SchedulerLeadership leadership(InMemorySchedulerLock lock, String id, Clock clock) {
        return new SchedulerLeadership(lock, runs, new LockOwner(id), true, TTL, BEAT, clock);
    }

    private JobRunner runner(SchedulerLeadership leadership, Job... jobs) {
        JobRunner runner = new JobRunner(List.of(jobs), runs, leadership, audit, Clock.systemUTC());
        runners.add(runner);
        return runner;
    }

    /** A leader-only job that blocks until released. */
    private static final class BlockingJob implements Job {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public JobSchedule schedule() {
            return JobSchedule.every(Duration.ofHours(1), false);
        }

        @Override
        public JobScope scope() {
            return JobScope.LEADER;
        }

        @Override
        public void run(JobContext context) throws InterruptedException {
            started.countDown();
            release.await();
            context.detail("released");
        }
    }

    private SchedulerLeadership leader() {
        SchedulerLeadership leadership = leadership(new InMemorySchedulerLock(Clock.systemUTC()), "a:1:x",
                Clock.systemUTC());
        leadership.heartbeat();
        assertThat(leadership.role()).isEqualTo(SchedulerLeadership.Role.LEADER);
        return leadership;
    }

    @Test
    void runSoonStartsAnIdleJobAtOnceAndRunsABusyOneAgainRightAfter() throws Exception {
        java.util.concurrent.Semaphore started = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.Semaphore release = new java.util.concurrent.Semaphore(0);
        Job job = new ScheduledJob("woken", JobSchedule.every(Duration.ofHours(1), false), JobScope.LEADER) {
            @Override
            public void run(JobContext context) throws InterruptedException {
                started.release();
                release.acquire();
            }
        };
        JobRunner runner = runner(leader(), job);
        runner.start();
        runner.runSoon("woken"); // its schedule says in an hour
        assertThat(started.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        runner.runSoon("woken"); // while it runs: once more, right after
        runner.runSoon("woken"); // asked twice, still one more run
        release.release();
        assertThat(started.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        release.release();
        assertThat(started.tryAcquire(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
        assertThatThrownBy(() -> runner.runSoon("nope")).isInstanceOf(UnknownJobException.class);
    }

    @Test
    void aRunAskedForWhileTheLockIsLostIsNotFiredAgainAndAgainOnTheStandby() throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        SchedulerLeadership leadership = leadership(new InMemorySchedulerLock(clock), "a:1:x", clock);
        leadership.heartbeat();
        java.util.concurrent.Semaphore started = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.Semaphore release = new java.util.concurrent.Semaphore(0);
        Job job = new ScheduledJob("woken", JobSchedule.every(Duration.ofHours(1), false), JobScope.LEADER) {
            @Override
            public void run(JobContext context) throws InterruptedException {
                started.release();
                release.acquire();
            }
        };
        JobRunner runner = runner(leadership, job);
        runner.start();
        runner.runSoon("woken");
        assertThat(started.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        runner.runSoon("woken"); // asked again while it runs ...
        clock.now = clock.now.plus(TTL); // ... and the lock is lost before it ends
        release.release();
        // the firing asked for finds a standby: it runs nothing and falls back to the schedule, an hour away
        java.util.function.BooleanSupplier backOnSchedule = () -> runner.jobs().get(0).nextRunAt()
                .filter(at -> at.isAfter(Instant.now().plus(Duration.ofMinutes(30)))).isPresent();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!backOnSchedule.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(backOnSchedule.getAsBoolean()).isTrue();
        assertThat(started.tryAcquire(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void tenParallelManualRunsStartExactlyOneRun() throws Exception {
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader(), job);
        runner.start();
        CyclicBarrier barrier = new CyclicBarrier(10);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(callers.submit(() -> {
                barrier.await();
                try {
                    return "run " + runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> answer : answers) {
            results.add(answer.get());
        }
        assertThat(results).filteredOn(r -> r.startsWith("run ")).hasSize(1);
        assertThat(results).filteredOn("job_running"::equals).hasSize(9);
        assertThat(audited).filteredOn(a -> a.equals("job_run blocking ok")).hasSize(1);
        assertThat(audited).filteredOn(a -> a.equals("job_run blocking job_running")).hasSize(9);
        job.started.await();
        assertThat(runner.jobs().get(0).running()).isTrue();
        job.release.countDown();
    }

    @Test
    void jobStillRunningAtTheShutdownTimeoutIsInterruptedAndRecordedSo() throws Exception {
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader(), job);
        runner.start();
        long id = runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        runner.stopAccepting();
        assertThat(runner.drain(Duration.ofMillis(50))).isFalse();
        JobRun run = runs.all().get((int) id - 1);
        assertThat(run.outcome()).contains(JobOutcome.INTERRUPTED);
        assertThat(run.detail()).contains("shutdown timeout");
        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOf(StandbyException.class);
    }

    @Test
    void jobThatEndsWithinTheTimeoutDrainsAndSucceeds() throws Exception {
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader(), job);
        runner.start();
        long id = runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        runner.stopAccepting();
        job.release.countDown();
        assertThat(runner.drain(Duration.ofMinutes(1))).isTrue();
        assertThat(runs.all().get((int) id - 1).outcome()).contains(JobOutcome.SUCCEEDED);
        assertThat(runs.all().get((int) id - 1).detail()).isEqualTo("released");
    }

    @Test
    void theObserverSeesEachEndedRunWithItsOutcomeAndTheRunningFlagFollowsTheRun() throws Exception {
        BlockingJob job = new BlockingJob();
        List<String> observed = Collections.synchronizedList(new ArrayList<>());
        JobRunner runner = new JobRunner(List.of(job), runs, leader(), audit, Clock.systemUTC(),
                (name, outcome, took) -> observed.add(name + " " + outcome.code() + " " + took.isNegative()));
        runners.add(runner);
        runner.start();
        assertThat(runner.isRunning("blocking")).isFalse();
        runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        assertThat(runner.isRunning("blocking")).isTrue();
        assertThat(runner.isRunning("nope")).isFalse();
        assertThat(observed).isEmpty();
        runner.stopAccepting();
        job.release.countDown();
        assertThat(runner.drain(Duration.ofMinutes(1))).isTrue();
        assertThat(observed).containsExactly("blocking succeeded false");
        assertThat(runner.isRunning("blocking")).isFalse();
    }

    /**
     * Found by SIGTERM of a leader mid-job with BANGUI_SCHEDULER_LOCK_TTL shorter than the drain: the scheduled
     * heartbeat is cancelled with the other firings, the lease lapsed, the standby took over and recorded the run
     * {@code interrupted} while it still ran (and then succeeded) on the draining leader.
     */
    @Test
    void drainLongerThanTheTtlKeepsTheLeaseSoNoStandbyTakesOverWhileJobsRun() throws Exception {
        // a TTL of six beats: only a drain that stopped renewing lets it lapse, not a slow thread on a busy machine
        Duration beat = Duration.ofMillis(200);
        Duration ttl = Duration.ofMillis(1200);
        InMemorySchedulerLock lock = new InMemorySchedulerLock(Clock.systemUTC());
        SchedulerLeadership leader = new SchedulerLeadership(lock, runs, new LockOwner("a:1:x"), true, ttl, beat,
                Clock.systemUTC());
        SchedulerLeadership standby = new SchedulerLeadership(lock, runs, new LockOwner("b:2:y"), true, ttl, beat,
                Clock.systemUTC());
        leader.heartbeat();
        standby.heartbeat();
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader, job);
        runner.start();
        long id = runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        runner.stopAccepting();
        Future<Boolean> drained = callers.submit(() -> runner.drain(Duration.ofSeconds(10)));

        for (int i = 0; i < 15; i++) { // three seconds, more than two TTLs
            Thread.sleep(beat.toMillis());
            standby.heartbeat();
            assertThat(standby.isLeader()).isFalse();
        }
        job.release.countDown();
        assertThat(drained.get()).isTrue();
        assertThat(runs.all().get((int) id - 1).outcome()).contains(JobOutcome.SUCCEEDED);
    }

    @Test
    void drainingStandbyDoesNotTakeTheLock() throws Exception {
        InMemorySchedulerLock lock = new InMemorySchedulerLock(Clock.systemUTC());
        SchedulerLeadership standby = leadership(lock, "b:2:y", Clock.systemUTC());
        standby.renewIfHeld();
        assertThat(standby.isLeader()).isFalse();
        assertThat(lock.holder()).isEmpty();
    }

    /**
     * Found with a second process holding SQLite's write lock: the transaction around the store call failed outside
     * the adapter's own translation (not a DomainException), the slot kept its run, and the job answered
     * {@code job_running} to every manual run and skipped every scheduled one until restart.
     */
    @Test
    void aStoreFailureOfAnyKindNeverLeavesTheJobRunningForever() throws Exception {
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader(), job);
        runner.start();
        runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        runs.failing = new IllegalStateException("could not commit");
        job.release.countDown();
        for (int i = 0; i < 200 && runner.jobs().get(0).running(); i++) {
            Thread.sleep(10);
        }
        assertThat(runner.jobs().get(0).running()).as("running after its end failed to record").isFalse();

        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot record");
        assertThat(runner.jobs().get(0).running()).as("running after its start failed to record").isFalse();
        runs.failing = null;
        assertThat(runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN))).isPositive();
    }

    @Test
    void twoJobsWithOneNameAreRefusedAndNamesKeepTheRegistrationOrder() {
        assertThatThrownBy(() -> runner(leader(), new BlockingJob(), new BlockingJob()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocking");
        Job other = new ScheduledJob("other", JobSchedule.every(Duration.ofHours(1), false), JobScope.LEADER) {
            @Override
            public void run(JobContext context) {
            }
        };

        assertThat(runner(leader(), other, new BlockingJob()).names()).containsExactly("other", "blocking");
    }

    @Test
    void aStartTheStoreRefusesIsAuditedWithItsCodeAndLeavesTheJobFree() {
        JobRunner runner = runner(leader(), new BlockingJob());
        runner.start();
        runs.failing = new JobStoreException("database is locked", null);

        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("job_store_unavailable"));

        assertThat(audited).containsExactly("job_run blocking job_store_unavailable");
        assertThat(runner.jobs().get(0).running()).isFalse();
        runs.failing = null;
        assertThat(runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN))).isEqualTo(1);
    }

    @Test
    void aManualRunAskedForWhileTheExecutorShutsDownIsRefusedAndRecordedInterrupted() {
        JobRunner runner = runner(leader(), new BlockingJob());
        runner.start();
        runner.drain(Duration.ZERO); // the executor stops before the runner has stopped accepting

        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOf(StandbyException.class).hasMessageContaining("shutting down");

        assertThat(runs.all()).singleElement().satisfies(run -> {
            assertThat(run.outcome()).contains(JobOutcome.INTERRUPTED);
            assertThat(run.detail()).isEqualTo("the service is shutting down");
        });
        assertThat(runner.jobs().get(0).running()).isFalse();
    }

    @Test
    void anInstanceWithTheSchedulerDisabledRefusesManualRunsAndSaysWhy() {
        SchedulerLeadership disabled = new SchedulerLeadership(new InMemorySchedulerLock(Clock.systemUTC()), runs,
                new LockOwner("api:1:x"), false, TTL, BEAT, Clock.systemUTC());
        JobRunner runner = runner(disabled, new BlockingJob());
        runner.start();

        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOf(StandbyException.class).hasMessageContaining("BANGUI_SCHEDULER_ENABLED=false");
        assertThat(runs.all()).isEmpty();
    }

    @Test
    void aRunningJobIsStillLeaderUntilTheShutdownBegins() throws Exception {
        List<Boolean> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Job job = new ScheduledJob("asking", JobSchedule.every(Duration.ofHours(1), false), JobScope.LEADER) {
            @Override
            public void run(JobContext context) throws InterruptedException {
                answers.add(context.stillLeader());
                asked.countDown();
                stopped.await();
                answers.add(context.stillLeader());
            }
        };
        JobRunner runner = runner(leader(), job);
        runner.start();
        runner.run(new RunJobUseCase.RunJobCommand("asking", ADMIN));
        assertThat(asked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        runner.stopAccepting();
        stopped.countDown();

        assertThat(runner.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(answers).containsExactly(true, false);
    }

    @Test
    void aScheduledRunWhoseStartCannotBeRecordedDoesNotRunAndTheNextOneDoes() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Job job = new ScheduledJob("eager", JobSchedule.every(Duration.ofHours(1), true), JobScope.LEADER) {
            @Override
            public void run(JobContext context) {
                ran.incrementAndGet();
            }
        };
        JobRunner runner = runner(leader(), job);
        runs.failing = new IllegalStateException("could not begin");
        runner.start(); // its first firing is due at once
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        for (int i = 0; i < 500 && runner.jobs().get(0).nextRunAt().filter(later::isBefore).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(runner.jobs().get(0).nextRunAt()).as("the failed firing scheduled the next").get()
                .matches(later::isBefore);
        assertThat(ran).hasValue(0);
        assertThat(runner.jobs().get(0).running()).isFalse();

        runs.failing = null;
        runner.runSoon("eager");
        for (int i = 0; i < 500 && runs.all().stream().noneMatch(r -> !r.running()); i++) {
            Thread.sleep(10);
        }
        assertThat(ran).hasValue(1);
        assertThat(runner.runs(Optional.of("eager"), 10, OptionalLong.empty()).runs()).singleElement()
                .satisfies(run -> assertThat(run.outcome()).contains(JobOutcome.SUCCEEDED));
    }

    @Test
    void aScheduledFiringThatFindsItsJobRunningIsRecordedSkipped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // first firing 100 ms after the start: the manual run has long begun by then
        Job job = new ScheduledJob("busy", JobSchedule.every(Duration.ofMillis(100), false), JobScope.LEADER) {
            @Override
            public void run(JobContext context) throws InterruptedException {
                started.countDown();
                release.await();
            }
        };
        JobRunner runner = runner(leader(), job);
        runner.start();
        runner.run(new RunJobUseCase.RunJobCommand("busy", ADMIN));
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 500 && runs.all().stream().noneMatch(r -> r.outcome().isPresent()); i++) {
            Thread.sleep(10);
        }
        release.countDown();

        assertThat(runs.all()).anySatisfy(run -> {
            assertThat(run.outcome()).contains(JobOutcome.SKIPPED);
            assertThat(run.trigger()).isEqualTo(JobTrigger.SCHEDULE);
            assertThat(run.detail()).isEqualTo("the previous run was still running");
        });
    }

    @Test
    void aDrainThatIsItselfInterruptedStopsWaitingAndInterruptsTheRunningJobs() throws Exception {
        BlockingJob job = new BlockingJob();
        JobRunner runner = runner(leader(), job);
        runner.start();
        long id = runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN));
        job.started.await();
        runner.stopAccepting();

        Thread.currentThread().interrupt();
        boolean drained = runner.drain(Duration.ofMinutes(1));

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(drained).isFalse();
        assertThat(runs.all().get((int) id - 1).outcome()).contains(JobOutcome.INTERRUPTED);
    }

    @Test
    void theJobListShowsNoLastRunWhenTheStoreCannotBeRead() {
        JobRunner runner = runner(leader(), new BlockingJob());
        runs.unreadable = new JobStoreException("database is locked", null);

        assertThat(runner.jobs()).singleElement().satisfies(status -> {
            assertThat(status.name()).isEqualTo("blocking");
            assertThat(status.lastRun()).isEmpty();
            assertThat(status.running()).isFalse();
        });
    }

    @Test
    void standbyRefusesManualRunsAndNamesTheHolder() {
        InMemorySchedulerLock lock = new InMemorySchedulerLock(Clock.systemUTC());
        SchedulerLeadership first = leadership(lock, "host-a:1:aa", Clock.systemUTC());
        SchedulerLeadership second = leadership(lock, "host-b:2:bb", Clock.systemUTC());
        first.heartbeat();
        second.heartbeat();
        assertThat(second.role()).isEqualTo(SchedulerLeadership.Role.STANDBY);
        JobRunner runner = runner(second, new BlockingJob());
        runner.start();
        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("blocking", ADMIN)))
                .isInstanceOf(StandbyException.class).hasMessageContaining("host-a:1:aa");
        assertThat(runner.scheduler().holder()).contains("host-a:1:aa");
        first.release();
        second.heartbeat();
        assertThat(second.role()).isEqualTo(SchedulerLeadership.Role.LEADER);
    }

    @Test
    void unknownJobIsNotFoundAndUnknownFilterIsInvalid() {
        JobRunner runner = runner(leader(), new BlockingJob());
        runner.start();
        assertThatThrownBy(() -> runner.run(new RunJobUseCase.RunJobCommand("nope", ADMIN)))
                .isInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> runner.runs(Optional.of("nope"), 10, OptionalLong.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no job");
        assertThatThrownBy(() -> runner.runs(Optional.empty(), 0, OptionalLong.empty()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void leaderThatCannotRenewStopsLeadingOneHeartbeatBeforeItsTtlRunsOut() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        InMemorySchedulerLock lock = new InMemorySchedulerLock(clock);
        SchedulerLeadership leadership = leadership(lock, "a:1:x", clock);
        leadership.heartbeat();
        assertThat(leadership.isLeader()).isTrue();
        lock.failing = true;
        clock.now = clock.now.plus(TTL).minus(BEAT).minusMillis(1);
        leadership.heartbeat();
        assertThat(leadership.isLeader()).isTrue();
        assertThat(leadership.probe().up()).isFalse();
        clock.now = clock.now.plusMillis(1);
        assertThat(leadership.isLeader()).isFalse();
        assertThat(clock.now).isBefore(Instant.parse("2026-01-01T00:00:00Z").plus(TTL));
    }

    @Test
    void lockWithoutHeartbeatForTheTtlIsTakenOverAndTheOldLeaderLearnsItLostIt() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        InMemorySchedulerLock lock = new InMemorySchedulerLock(clock);
        SchedulerLeadership first = leadership(lock, "a:1:x", clock);
        SchedulerLeadership second = leadership(lock, "b:2:y", clock);
        first.heartbeat();
        second.heartbeat();
        assertThat(second.isLeader()).isFalse();
        clock.now = clock.now.plus(TTL);
        second.heartbeat();
        assertThat(second.isLeader()).isTrue();
        first.heartbeat();
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void takingTheLockMarksUnfinishedRunsOfOtherInstancesInterrupted() {
        JobRun orphan = runs.start("session_cleanup", "dead-host:9:zz", JobTrigger.SCHEDULE, Instant.now());
        leader();
        assertThat(runs.latest("session_cleanup").orElseThrow().outcome()).contains(JobOutcome.INTERRUPTED);
        assertThat(runs.latest("session_cleanup").orElseThrow().id()).isEqualTo(orphan.id());
    }

    @Test
    void ttlUnderThreeHeartbeatsIsRefused() {
        assertThatThrownBy(() -> new SchedulerLeadership(new InMemorySchedulerLock(Clock.systemUTC()), runs,
                new LockOwner("a:1:x"), true, Duration.ofSeconds(14), BEAT, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three heartbeats");
    }

    @Test
    void frequentJobPersistsOnlyTheFirstFailureOfAStreakButShowsItsLatestRun() throws Exception {
        CountDownLatch sevenRuns = new CountDownLatch(7);
        AtomicInteger count = new AtomicInteger();
        Job flaky = new Job() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public JobSchedule schedule() {
                return JobSchedule.every(Duration.ofMillis(1), true);
            }

            @Override
            public JobScope scope() {
                return JobScope.EVERY_INSTANCE;
            }

            @Override
            public RunRecording recording() {
                return RunRecording.UNSUCCESSFUL;
            }

            @Override
            public void run(JobContext context) {
                int n = count.incrementAndGet();
                sevenRuns.countDown();
                if (n >= 3 && n <= 5) {
                    throw new ServerUnavailableException("down " + n, null);
                }
                context.detail("run " + n);
            }
        };
        JobRunner runner = runner(leadership(new InMemorySchedulerLock(Clock.systemUTC()), "a:1:x",
                Clock.systemUTC()), flaky);
        runner.start();
        sevenRuns.await();
        runner.stopAccepting();
        runner.drain(Duration.ofMinutes(1));
        assertThat(runs.all()).extracting(r -> r.outcome().orElseThrow()).containsExactly(JobOutcome.FAILED);
        assertThat(runs.all().get(0).detail()).contains("down 3");
        assertThat(runner.jobs().get(0).lastRun().orElseThrow().outcome()).contains(JobOutcome.SUCCEEDED);
    }
}
