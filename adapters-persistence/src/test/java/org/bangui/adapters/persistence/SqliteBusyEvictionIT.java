package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A transaction that cannot begin because another process holds SQLite's write lock must not leave its pooled
 * connection behind in a state that breaks every later transaction on it (sqlite-jdbc marks the connection
 * non-auto-commit before the failing {@code BEGIN IMMEDIATE}). Found by making a second process hold the write lock
 * longer than the busy timeout: afterwards one pooled connection failed every commit with "cannot commit - no
 * transaction is active", so requests answered 500 minutes after the lock was gone.
 */
class SqliteBusyEvictionIT {

    @Test
    void aConnectionThatMetABusyDatabaseIsNotHandedOutAgain() throws SQLException {
        Path file = SqliteFiles.migratedDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SqliteFiles.url(file).replace("busy_timeout=5000", "busy_timeout=100"));
        config.setMaximumPoolSize(1); // the next borrower gets the same connection unless it was evicted
        config.setExceptionOverrideClassName(SqliteBusyEviction.class.getName());
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection otherProcess = SqliteFiles.dataSource(file).getConnection()) {
            try (Statement lock = otherProcess.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
            }
            try (Connection connection = pool.getConnection()) {
                assertThatThrownBy(() -> connection.setAutoCommit(false)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("SQLITE_BUSY");
            }
            try (Statement unlock = otherProcess.createStatement()) {
                unlock.execute("COMMIT");
            }

            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getAutoCommit()).isTrue();
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM scheduler_lock");
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}
