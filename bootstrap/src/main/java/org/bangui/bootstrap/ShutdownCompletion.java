package org.bangui.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.application.job.SchedulerLeadership;
import org.bangui.bootstrap.logging.ExternalLogging;

/**
 * The second half of the shutdown, after Micronaut's graceful shutdown (requests and jobs drained, see
 * {@link JobShutdown}): closes outgoing HTTP clients (none in this release; later clients close here), releases
 * the scheduler lock at once so that a standby takes over without waiting for the TTL, and checkpoints the
 * SQLite WAL into the database file; the pool closes it afterwards. The {@code -wal}/{@code -shm} files are left
 * to SQLite. Last, the external log appender (if any) sends what it holds and closes.
 */
@Singleton
class ShutdownCompletion implements ApplicationEventListener<ShutdownEvent> {

    private static final System.Logger LOG = System.getLogger(ShutdownCompletion.class.getName());

    private final SchedulerLeadership leadership;
    private final DataSource dataSource;
    private final Optional<ExternalLogging> externalLogging;

    ShutdownCompletion(SchedulerLeadership leadership, DataSource dataSource, DataSourceResolver resolver,
                       Optional<ExternalLogging> externalLogging) {
        this.leadership = leadership;
        this.externalLogging = externalLogging;
        // a plain pooled connection: the injected DataSource refuses connections outside a transaction
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        LOG.log(System.Logger.Level.INFO, "http_session_closed clients=0");
        leadership.release();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            LOG.log(System.Logger.Level.INFO, "database_checkpointed");
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "database_checkpoint_failed reason=" + e.getClass().getSimpleName());
        }
        LOG.log(System.Logger.Level.INFO, "bangui_shut_down");
        // last: the receiver gets every line above
        externalLogging.ifPresent(ExternalLogging::close);
    }
}
