package org.bangui.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Writes {@code history} rows for the query tests, as the archive's writers do (ip_key included). */
final class HistoryTable {

    private final DataSource dataSource;
    private Connection connection;

    HistoryTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One connection for every write of a test: opening a SQLite connection costs more than an insert. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        return connection;
    }

    /** Inserts one row; returns its id. */
    long insert(String jail, String ip, Instant bannedAt, String country, String origin) {
        return insert(jail, ip, bannedAt, country, origin, "[]");
    }

    long insert(String jail, String ip, Instant bannedAt, String country, String origin, String matches) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO history (jail, ip, ip_key, "
                     + "banned_at, ban_seconds, ban_count, failures, matches, country, origin, synced) "
                     + "VALUES (?, ?, ?, ?, 600, 1, 3, ?, ?, ?, 1) RETURNING id")) {
            insert.setString(1, jail);
            insert.setString(2, ip);
            insert.setBytes(3, HistoryIpKey.of(ip).orElse(null));
            insert.setLong(4, bannedAt.toEpochMilli());
            insert.setString(5, matches);
            insert.setString(6, country);
            insert.setString(7, origin);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (var statement = connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
