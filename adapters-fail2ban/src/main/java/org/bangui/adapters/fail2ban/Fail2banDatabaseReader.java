package org.bangui.adapters.fail2ban;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.history.Fail2banBanRow;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.Fail2banDatabaseUnavailableException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** One read-only connection to fail2ban's database; each read is one short transaction. */
final class Fail2banDatabaseReader implements Fail2banDatabase {

    private static final System.Logger LOG = System.getLogger(Fail2banDatabaseReader.class.getName());
    private static final String COLUMNS = "SELECT rowid, jail, ip, timeofban, bantime, bancount, "
            + "CASE WHEN json_valid(data) THEN json_extract(data, '$.failures') END FROM bans ";
    private static final String AFTER = COLUMNS + "WHERE rowid > ? ORDER BY rowid LIMIT ?";
    private static final String AT = COLUMNS + "WHERE rowid = ?";
    private static final String AT_OR_BELOW = COLUMNS + "WHERE rowid <= ? ORDER BY rowid DESC LIMIT ?";
    // fail2ban keeps some matched lines split as [prefix, date, rest] (its "tuple lines"): joined back here
    private static final String MATCHES = "SELECT b.rowid, CASE WHEN m.type = 'array' THEN (SELECT "
            + "group_concat(p.value, '') FROM json_each(m.value) p) ELSE m.value END FROM bans b, json_each(CASE WHEN "
            + "json_valid(b.data) AND json_type(b.data, '$.matches') = 'array' THEN json_extract(b.data, '$.matches') "
            + "ELSE '[]' END) m WHERE b.rowid BETWEEN ? AND ? ORDER BY b.rowid, m.key";
    private static final int KEYS_PER_QUERY = 400;

    private final Connection connection;

    Fail2banDatabaseReader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false); // each read below is one transaction, ended at once
    }

    @Override
    public List<Fail2banBanRow> bansAfter(long rowid, int limit) {
        return read(AFTER, rowid, limit);
    }

    @Override
    public Optional<Fail2banBanRow> banAt(long rowid) {
        return read(AT, rowid).stream().findFirst();
    }

    @Override
    public List<Fail2banBanRow> bansAtOrBelow(long rowid, int limit) {
        return read(AT_OR_BELOW, rowid, limit);
    }

    @Override
    public Map<BanKey, Instant> latestBans(Collection<BanKey> keys) {
        Map<BanKey, Instant> latest = new HashMap<>();
        List<BanKey> all = List.copyOf(keys);
        try {
            for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
                List<BanKey> part = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
                String sql = "SELECT jail, ip, timeofban FROM bips WHERE (ip, jail) IN (VALUES "
                        + String.join(", ", java.util.Collections.nCopies(part.size(), "(?, ?)")) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (BanKey key : part) {
                        statement.setString(i++, key.ip());
                        statement.setString(i++, key.jail());
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            latest.put(new BanKey(rows.getString(1), rows.getString(2)),
                                    Instant.ofEpochSecond(rows.getLong(3)));
                        }
                    }
                }
            }
            connection.commit();
            return latest;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<Fail2banBanRow> read(String sql, Object... parameters) {
        try {
            List<long[]> numbers = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        numbers.add(new long[] {rows.getLong(1), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                                rows.getLong(7)});
                        texts.add(new String[] {rows.getString(2), rows.getString(3)});
                    }
                }
            }
            Map<Long, List<String>> matches = numbers.isEmpty() ? Map.of() : matches(numbers);
            connection.commit();
            List<Fail2banBanRow> result = new ArrayList<>(numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                long[] n = numbers.get(i);
                String[] t = texts.get(i);
                if (t[0] == null || t[1] == null) {
                    continue; // fail2ban's ip column may be NULL in theory: nothing to archive
                }
                result.add(new Fail2banBanRow(n[0], t[0], t[1], Instant.ofEpochSecond(n[1]), n[2], (int) n[3],
                        (int) Math.min(Integer.MAX_VALUE, n[4]), matches.getOrDefault(n[0], List.of())));
            }
            return result;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Map<Long, List<String>> matches(List<long[]> rows) throws SQLException {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long[] row : rows) {
            low = Math.min(low, row[0]);
            high = Math.max(high, row[0]);
        }
        Map<Long, List<String>> matches = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(MATCHES)) {
            statement.setLong(1, low);
            statement.setLong(2, high);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String line = result.getString(2);
                    if (line != null) {
                        matches.computeIfAbsent(result.getLong(1), k -> new ArrayList<>()).add(line);
                    }
                }
            }
        }
        return matches;
    }

    private Fail2banDatabaseUnavailableException failed(SQLException e) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed with the run anyway
        }
        return unavailable(e);
    }

    /** A read failure as the port's exception: locked, not a fail2ban database, or unreadable. */
    static Fail2banDatabaseUnavailableException unavailable(SQLException e) {
        String reason = "unreadable";
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED")) {
                reason = "locked";
            } else if (code == SQLiteErrorCode.SQLITE_ERROR && String.valueOf(e.getMessage()).contains("no such")) {
                reason = "not_a_fail2ban_database";
            } else if (code == SQLiteErrorCode.SQLITE_NOTADB || code.name().startsWith("SQLITE_CORRUPT")) {
                reason = "corrupt";
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "fail2ban_database_read_failed", e);
        return new Fail2banDatabaseUnavailableException(reason, "fail2ban's database cannot be read (" + reason
                + "); the next run retries", null);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "fail2ban_database_close_failed", e);
        }
    }
}
