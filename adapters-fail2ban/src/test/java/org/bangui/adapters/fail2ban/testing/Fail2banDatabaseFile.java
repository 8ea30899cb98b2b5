package org.bangui.adapters.fail2ban.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database file in fail2ban's own schema (version 4, as fail2ban 1.0 creates it), written by tests the way
 * fail2ban writes it: one {@code bans} row per ban and the latest ban per (ip, jail) in {@code bips}.
 */
public final class Fail2banDatabaseFile {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS fail2banDb(version INTEGER)",
        "INSERT INTO fail2banDb(version) VALUES (4)",
        "CREATE TABLE IF NOT EXISTS jails(name TEXT NOT NULL UNIQUE, enabled INTEGER NOT NULL DEFAULT 1)",
        "CREATE TABLE IF NOT EXISTS bans(jail TEXT NOT NULL, ip TEXT, timeofban INTEGER NOT NULL, "
                + "bantime INTEGER NOT NULL, bancount INTEGER NOT NULL default 1, data JSON, "
                + "FOREIGN KEY(jail) REFERENCES jails(name))",
        "CREATE INDEX IF NOT EXISTS bans_jail_timeofban_ip ON bans(jail, timeofban)",
        "CREATE INDEX IF NOT EXISTS bans_jail_ip ON bans(jail, ip)",
        "CREATE INDEX IF NOT EXISTS bans_ip ON bans(ip)",
        "CREATE TABLE IF NOT EXISTS bips(ip TEXT NOT NULL, jail TEXT NOT NULL, timeofban INTEGER NOT NULL, "
                + "bantime INTEGER NOT NULL, bancount INTEGER NOT NULL default 1, data JSON, PRIMARY KEY(ip, jail), "
                + "FOREIGN KEY(jail) REFERENCES jails(name))",
        "CREATE INDEX IF NOT EXISTS bips_timeofban ON bips(timeofban)",
        "CREATE INDEX IF NOT EXISTS bips_ip ON bips(ip)",
        "INSERT INTO jails(name) VALUES ('sshd'), ('nginx-http-auth')"
    };

    private final Path file;

    private Fail2banDatabaseFile(Path file) {
        this.file = file;
    }

    /** Creates the file with fail2ban's schema and the jails {@code sshd} and {@code nginx-http-auth}. */
    public static Fail2banDatabaseFile create(Path file) {
        Fail2banDatabaseFile database = new Fail2banDatabaseFile(file);
        database.execute(SCHEMA);
        return database;
    }

    public Path file() {
        return file;
    }

    /** Adds one ban as fail2ban does (bans + bips); returns its rowid. */
    public long ban(String jail, String ip, long timeOfBan, long banTime) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long rowid = insert(connection, jail, ip, timeOfBan, banTime, 1);
            connection.commit();
            return rowid;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds {@code count} bans of distinct addresses (10.x.y.z) in {@code jail}, one second apart from
     * {@code firstTime}, in one transaction.
     */
    public void bans(String jail, int count, long firstTime, long banTime) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bans = connection.prepareStatement(BANS);
                 PreparedStatement bips = connection.prepareStatement(BIPS)) {
                for (int i = 0; i < count; i++) {
                    String ip = "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
                    bind(bans, jail, ip, firstTime + i, banTime, 1, data(i % 7 + 3));
                    bans.addBatch();
                    bind(bips, ip, jail, firstTime + i, banTime, 1, data(i % 7 + 3));
                    bips.addBatch();
                    if (i % 10_000 == 9_999) {
                        bans.executeBatch();
                        bips.executeBatch();
                    }
                }
                bans.executeBatch();
                bips.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes rows as fail2ban's unban and purge do. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number {@code sql} answers. */
    public long number(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of fail2ban's kind: rollback journal (not WAL), so a writer's lock blocks readers. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static final String BANS = "INSERT INTO bans(jail, ip, timeofban, bantime, bancount, data) "
            + "VALUES(?, ?, ?, ?, ?, ?)";
    private static final String BIPS = "INSERT OR REPLACE INTO bips(ip, jail, timeofban, bantime, bancount, data) "
            + "VALUES(?, ?, ?, ?, ?, ?)";

    private static long insert(Connection connection, String jail, String ip, long time, long banTime, int count)
            throws SQLException {
        long rowid;
        try (PreparedStatement bans = connection.prepareStatement(BANS)) {
            bind(bans, jail, ip, time, banTime, count, data(3));
            bans.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_insert_rowid()")) {
            row.next();
            rowid = row.getLong(1);
        }
        try (PreparedStatement bips = connection.prepareStatement(BIPS)) {
            bind(bips, ip, jail, time, banTime, count, data(3));
            bips.executeUpdate();
        }
        return rowid;
    }

    private static String data(int failures) {
        StringBuilder matches = new StringBuilder();
        for (int i = 0; i < failures; i++) {
            matches.append(i > 0 ? ", " : "").append("\"Nov 21 05:00:0").append(i)
                    .append(" host sshd[4242]: Failed password for root from 10.0.0.1 port 5000").append(i)
                    .append(" ssh2\"");
        }
        return "{\"matches\": [" + matches + "], \"failures\": " + failures + "}";
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
