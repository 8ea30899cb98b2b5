package org.bangui.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bangui.application.health.CachedProbe;
import org.bangui.application.job.JobRunner;
import org.bangui.application.job.SchedulerLeadership;

/**
 * Start-up as named stages, each logged {@code startup_stage_completed stage=... ms=...}: {@code database}
 * (run by {@link DatabaseStage} before the pool opens the file), then here {@code scheduler_lock} (first try for the
 * lock), {@code caches} (the fail2ban status), {@code scheduler} (the job runner starts) and {@code tasks}
 * ({@link StartupTasks}). A failing stage logs {@code startup_failed stage=... reason=...} with what to fix,
 * undoes the stages already done, and exits with status 1. The SQLite {@code -wal}/{@code -shm} files are never
 * touched.
 */
@Singleton
class StartupStages implements ApplicationEventListener<ServerStartupEvent> {

    private static final System.Logger LOG = System.getLogger(StartupStages.class.getName());

    private final SchedulerLeadership leadership;
    private final CachedProbe fail2banStatus;
    private final JobRunner runner;
    private final StartupTasks tasks;

    StartupStages(SchedulerLeadership leadership,
                  @Named("fail2banStatus") CachedProbe fail2banStatus, JobRunner runner, StartupTasks tasks) {
        this.leadership = leadership;
        this.fail2banStatus = fail2banStatus;
        this.runner = runner;
        this.tasks = tasks;
    }

    /** A stage failed; the message says what to fix. */
    static final class StageFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StageFailure(String message) {
            super(message);
        }
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Deque<Runnable> undo = new ArrayDeque<>();
        stage("scheduler_lock", leadership::heartbeat, undo);
        undo.push(leadership::release);
        stage("caches", fail2banStatus::refresh, undo);
        stage("scheduler", runner::start, undo);
        undo.push(runner::stopAccepting);
        stage("tasks", tasks::run, undo);
    }

    private void stage(String name, Runnable work, Deque<Runnable> undo) {
        long started = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException e) {
            String reason = e instanceof StageFailure ? e.getMessage()
                    : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "startup_failed stage=" + name + " reason=\"" + reason + "\"");
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException ignored) {
                    // undoing is best effort: the process exits next
                }
            }
            exit();
        }
        completed(name, started);
    }

    /** Logs {@code startup_stage_completed stage=... ms=...}. */
    static void completed(String stage, long startedNanos) {
        LOG.log(System.Logger.Level.INFO, "startup_stage_completed stage=" + stage + " ms="
                + (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** Logs {@code startup_failed} for a stage that has nothing to undo, and exits with status 1. */
    static void failed(String stage, String reason) {
        LOG.log(System.Logger.Level.ERROR, "startup_failed stage=" + stage + " reason=\"" + reason + "\"");
        exit();
    }

    @SuppressWarnings("java:S1147") // a start-up that cannot go on must end the process with a failure status
    static void exit() {
        Runtime.getRuntime().exit(1);
    }
}
