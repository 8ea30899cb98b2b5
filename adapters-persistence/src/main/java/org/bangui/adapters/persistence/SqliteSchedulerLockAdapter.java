package org.bangui.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockException;
import org.bangui.domain.scheduler.SchedulerLockPort;

/**
 * {@link SchedulerLockPort} on the one-row {@code scheduler_lock} table. Every operation is a single
 * auto-committed statement, which SQLite runs atomically under its write lock, so two instances on one
 * database file cannot both win: acquiring is an upsert that only overwrites a lapsed row or the owner's own.
 */
@Singleton
@Requires(property = "bangui.lock-backend", notEquals = "redis")
public class SqliteSchedulerLockAdapter implements SchedulerLockPort {

    private static final String NAME = "scheduler";
    private static final String ACQUIRE = "INSERT INTO scheduler_lock (name, owner, host, pid, acquired_at, "
            + "heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            + "acquired_at = CASE WHEN scheduler_lock.owner = excluded.owner THEN scheduler_lock.acquired_at "
            + "ELSE excluded.acquired_at END, owner = excluded.owner, host = excluded.host, pid = excluded.pid, "
            + "heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at "
            + "WHERE scheduler_lock.owner = excluded.owner OR scheduler_lock.expires_at <= excluded.heartbeat_at";
    private static final String RENEW = "UPDATE scheduler_lock SET heartbeat_at = ?, expires_at = ? "
            + "WHERE name = ? AND owner = ? AND expires_at > ?";
    private static final String RELEASE = "DELETE FROM scheduler_lock WHERE name = ? AND owner = ?";
    private static final String HOLDER = "SELECT owner, acquired_at, expires_at FROM scheduler_lock "
            + "WHERE name = ? AND expires_at > ?";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    SqliteSchedulerLockAdapter(DataSource dataSource, DataSourceResolver resolver, Clock clock) {
        // plain pooled connections in auto-commit: each statement is its own (IMMEDIATE) transaction
        this(resolver.resolve(dataSource), clock);
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteSchedulerLockAdapter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(LockOwner owner, Duration ttl) {
        long now = clock.millis();
        String[] hostAndPid = hostAndPid(owner);
        return update(ACQUIRE, NAME, owner.id(), hostAndPid[0], Long.parseLong(hostAndPid[1]), now, now,
                now + ttl.toMillis()) == 1;
    }

    @Override
    public boolean renew(LockOwner owner, Duration ttl) {
        long now = clock.millis();
        return update(RENEW, now, now + ttl.toMillis(), NAME, owner.id(), now) == 1;
    }

    @Override
    public void release(LockOwner owner) {
        update(RELEASE, NAME, owner.id());
    }

    @Override
    public Optional<LockHolder> holder() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, HOLDER, NAME, clock.millis());
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new LockHolder(new LockOwner(row.getString(1)), Instant.ofEpochMilli(row.getLong(2)),
                    Instant.ofEpochMilli(row.getLong(3))));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public String backend() {
        return "sqlite";
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** The host and pid of an owner written {@code host:pid:random}; the whole id and 0 otherwise. */
    static String[] hostAndPid(LockOwner owner) {
        String id = owner.id();
        int randomStart = id.lastIndexOf(':');
        int pidStart = randomStart > 0 ? id.lastIndexOf(':', randomStart - 1) : -1;
        if (pidStart > 0 && id.substring(pidStart + 1, randomStart).matches("\\d{1,18}")) {
            return new String[] {id.substring(0, pidStart), id.substring(pidStart + 1, randomStart)};
        }
        return new String[] {id, "0"};
    }

    private static SchedulerLockException failure(SQLException e) {
        return new SchedulerLockException("scheduler lock store failed: " + e.getMessage(), e);
    }
}
