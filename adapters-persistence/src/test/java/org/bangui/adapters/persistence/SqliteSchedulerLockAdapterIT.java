package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.bangui.domain.contract.SchedulerLockPortContract;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.junit.jupiter.api.Test;

/**
 * The scheduler lock on a real SQLite file keeps the contract; the second instance has its own data source
 * on the same file, as a second BanGUI process sharing the database would.
 */
class SqliteSchedulerLockAdapterIT extends SchedulerLockPortContract {

    private Path file;

    @Override
    protected SchedulerLockPort freeLock() {
        file = SqliteFiles.migratedDatabase();
        return new SqliteSchedulerLockAdapter(SqliteFiles.dataSource(file), Clock.systemUTC());
    }

    @Override
    protected SchedulerLockPort sameStoreOtherInstance() {
        return new SqliteSchedulerLockAdapter(SqliteFiles.dataSource(file), Clock.systemUTC());
    }

    @Test
    void theRowShowsOwnerHostPidAndHeartbeatForTroubleshooting() throws SQLException {
        lock.tryAcquire(LockOwner.of("web-1.example.org", 4242, "c0ffee"), Duration.ofMinutes(1));

        try (Connection connection = SqliteFiles.dataSource(file).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM scheduler_lock")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("name")).isEqualTo("scheduler");
            assertThat(row.getString("owner")).isEqualTo("web-1.example.org:4242:c0ffee");
            assertThat(row.getString("host")).isEqualTo("web-1.example.org");
            assertThat(row.getLong("pid")).isEqualTo(4242);
            assertThat(row.getLong("expires_at") - row.getLong("heartbeat_at")).isEqualTo(60_000);
            assertThat(row.next()).isFalse();
        }
    }

    @Test
    void deletingTheRowFreesTheLock() throws SQLException {
        lock.tryAcquire(alice, Duration.ofMinutes(1));

        try (Connection connection = SqliteFiles.dataSource(file).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM scheduler_lock");
        }

        assertThat(otherInstance.tryAcquire(bob, Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void anOwnerIdNotWrittenHostPidRandomIsStoredWhole() {
        assertThat(SqliteSchedulerLockAdapter.hostAndPid(new LockOwner("just-an-id")))
                .containsExactly("just-an-id", "0");
        assertThat(SqliteSchedulerLockAdapter.hostAndPid(LockOwner.of("fe80::1", 7, "x")))
                .containsExactly("fe80::1", "7");
    }
}
