package org.bangui.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes archived bans straight into the service's SQLite file, as the archive's writers do (with the 16-byte
 * {@code ip_key}: IPv4 as {@code ::ffff:a.b.c.d}, a network by its first address), for the query ITs.
 */
final class HistoryFixture implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;

    HistoryFixture(Path database) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=5000");
        insert = connection.prepareStatement("INSERT INTO history (jail, ip, ip_key, banned_at, ban_seconds, "
                + "ban_count, failures, matches, country, origin, synced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                + "RETURNING id");
    }

    /** One ban of 600 s with no matches; returns its id. */
    long ban(String jail, String ip, Instant at, String country, String origin) throws SQLException {
        return ban(jail, ip, at, country, origin, "[]");
    }

    long ban(String jail, String ip, Instant at, String country, String origin, String matchesJson)
            throws SQLException {
        insert.setString(1, jail);
        insert.setString(2, ip);
        insert.setBytes(3, key(ip));
        insert.setLong(4, at.toEpochMilli());
        insert.setLong(5, 600);
        insert.setInt(6, 1);
        insert.setInt(7, 5);
        insert.setString(8, matchesJson);
        insert.setString(9, country);
        insert.setString(10, origin);
        try (var rows = insert.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static byte[] key(String ip) {
        String address = ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip;
        try {
            byte[] raw = InetAddress.getByName(address).getAddress();
            if (raw.length == 16) {
                return raw;
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
