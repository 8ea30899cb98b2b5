package org.bangui.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.bangui.application.health.CachedProbe;
import org.bangui.application.job.JobRunner;
import org.bangui.application.job.SchedulerLeadership;

/**
 * Start-up as named stages, each logged {@code startup_stage_completed stage=... ms=...}: {@code database}
 * ({@code PRAGMA quick_check} of the file the pool opened and migrated), {@code scheduler_lock} (first try for the
 * lock), {@code caches} (the fail2ban status), {@code scheduler} (the job runner starts) and {@code tasks}
 * ({@link StartupTasks}). A failing stage logs {@code startup_failed stage=... reason=...} with what to fix,
 * undoes the stages already done, and exits with status 1. The SQLite {@code -wal}/{@code -shm} files are never
 * touched.
 */
@Singleton
class StartupStages implements ApplicationEventListener<ServerStartupEvent> {

    private static final System.Logger LOG = System.getLogger(StartupStages.class.getName());

    private final DataSource dataSource;
    private final SchedulerLeadership leadership;
    private final CachedProbe fail2banStatus;
    private final JobRunner runner;
    private final StartupTasks tasks;

    StartupStages(DataSource dataSource, DataSourceResolver resolver, SchedulerLeadership leadership,
                  @Named("fail2banStatus") CachedProbe fail2banStatus, JobRunner runner, StartupTasks tasks) {
        this.dataSource = resolver.resolve(dataSource);
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
        stage("database", this::checkDatabase, undo);
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
        LOG.log(System.Logger.Level.INFO, "startup_stage_completed stage=" + name + " ms="
                + (System.nanoTime() - started) / 1_000_000);
    }

    private void checkDatabase() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new StageFailure("PRAGMA quick_check found damage (" + verdict + "); stop BanGUI, restore "
                            + "the database file from a backup (keep its -wal and -shm files with it) and start again");
                }
            }
            try (ResultSet migrations = statement.executeQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
                if (migrations.next() && migrations.getInt(1) > 0) {
                    throw new StageFailure("a database migration failed earlier; restore the database file from a "
                            + "backup and start again");
                }
            }
        } catch (SQLException e) {
            throw new StageFailure("the database cannot be read (" + e.getErrorCode() + "); check that "
                    + "BANGUI_DATABASE_PATH names a writable SQLite file");
        }
    }

    @SuppressWarnings("java:S1147") // a start-up that cannot go on must end the process with a failure status
    private static void exit() {
        Runtime.getRuntime().exit(1);
    }
}
