package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Order;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/** The {@code database} probe: a connection from the pool answers a query against the migrated schema. */
@Singleton
@Order(2) // after fail2ban, before config_dir in the health report
public class DatabaseProbeAdapter implements ComponentProbePort {

    private static final System.Logger LOG = System.getLogger(DatabaseProbeAdapter.class.getName());

    private final DataSource dataSource;

    DatabaseProbeAdapter(DataSource dataSource, DataSourceResolver resolver) {
        // the injected DataSource is transaction-aware and refuses connections outside a transaction; the
        // probe needs a plain pooled connection
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public String component() {
        return "database";
    }

    @Override
    public ProbeResult probe() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
            rows.next();
            return ProbeResult.up("sqlite, " + rows.getInt(1) + " migrations applied");
        } catch (SQLException | RuntimeException e) {
            // the probe is public: the reason goes to the log, not to the caller
            LOG.log(System.Logger.Level.WARNING, "database_probe_failed reason=" + e.getMessage());
            return ProbeResult.down("unusable");
        }
    }
}
