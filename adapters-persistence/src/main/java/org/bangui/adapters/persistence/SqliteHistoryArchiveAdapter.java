package org.bangui.adapters.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchiveException;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.SyncMark;

/**
 * {@link HistoryArchivePort} on the {@code history} and {@code history_sync_state} tables, in plain JDBC: one
 * transaction per call, prepared statements, multi-row inserts that ignore a ban already archived.
 */
@Singleton
public class SqliteHistoryArchiveAdapter implements HistoryArchivePort {

    private static final long WINDOW_MS = MERGE_WINDOW_SECONDS * 1000L;
    /**
     * Rows per INSERT statement. One statement per row made the V7 rollup triggers expensive: inside a
     * transaction every statement of a table with triggers keeps a statement journal, which SQLite spills to a
     * temporary file past 64 KiB; one statement for many rows pays that once (Docs/PERFORMANCE.md, history sync).
     */
    static final int ROWS_PER_INSERT = 64;
    private static final String INSERT_HEAD = "INSERT INTO history (jail, ip, ip_key, banned_at, ban_seconds, "
            + "ban_count, failures, matches, country, origin, synced, source_time, ended_at, end_reason) VALUES ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int INSERT_COLUMNS = 14;
    // either identity: (jail, ip, banned_at), or fail2ban's (jail, ip, source_time) of an entry merged before
    private static final String INSERT_TAIL = " ON CONFLICT DO NOTHING";
    private static final String INSERT_FULL = insert(ROWS_PER_INSERT);
    private static final String ANY_UNSYNCED = "SELECT EXISTS (SELECT 1 FROM history WHERE synced = 0)";
    // banned_at stays: pages already handed out must not shift; an open entry is preferred over one already
    // ended (ban, unban and ban again within the window), then the closest start
    private static final String MERGE = "UPDATE history SET source_time = ?, ban_seconds = ?, ban_count = ?, "
            + "failures = ?, matches = ?, country = COALESCE(country, ?), synced = 1 "
            + "WHERE id = (SELECT id FROM history WHERE jail = ? AND ip = ? AND synced = 0 "
            + "AND banned_at BETWEEN ? AND ? ORDER BY ended_at IS NOT NULL, abs(banned_at - ?) LIMIT 1) "
            + "AND NOT EXISTS (SELECT 1 FROM history WHERE jail = ? AND ip = ? AND source_time = ?)";
    private static final String ADOPT = "UPDATE history SET origin = ? "
            + "WHERE id = (SELECT id FROM history WHERE jail = ? AND ip = ? AND origin = 'fail2ban' "
            + "AND ended_at IS NULL AND banned_at BETWEEN ? AND ? ORDER BY abs(banned_at - ?) LIMIT 1)";
    private static final String END_OPEN = "UPDATE history SET ended_at = MAX(?, banned_at), end_reason = ?, "
            + "ended_by = ? WHERE jail = ? AND ip = ? AND ended_at IS NULL AND banned_at <= ?";
    private static final String END_EXPIRED = "UPDATE history SET ended_at = banned_at + ban_seconds * 1000, "
            + "end_reason = 'expired' WHERE ended_at IS NULL AND ban_seconds >= 0 "
            + "AND banned_at + ban_seconds * 1000 <= ?";
    private static final String OPEN = "SELECT id, jail, ip, COALESCE(source_time, banned_at), ban_seconds, synced "
            + "FROM history "
            + "WHERE ended_at IS NULL AND id > ? AND banned_at < ? ORDER BY id LIMIT ?";
    private static final String END = "UPDATE history SET ended_at = ?, end_reason = ? "
            + "WHERE id = ? AND ended_at IS NULL";
    // ip_key is set for addresses and networks; networks (with a '/') have no country
    private static final String WITHOUT_COUNTRY = "SELECT id, ip FROM history WHERE country IS NULL "
            + "AND banned_at >= ? AND id > ? AND ip_key IS NOT NULL AND instr(ip, '/') = 0 ORDER BY id LIMIT ?";
    private static final String FILL_COUNTRY = "UPDATE history SET country = ? WHERE id = ? AND country IS NULL";
    private static final String CONTAINS = "SELECT 1 FROM history WHERE jail = ? AND ip = ? AND source_time = ?";
    private static final String PURGE = "DELETE FROM history WHERE id IN (SELECT id FROM history "
            + "WHERE banned_at < ? AND (ended_at IS NOT NULL OR ban_seconds IS NULL OR ban_seconds <> -1) LIMIT ?)";
    private static final String MARK = "SELECT last_rowid, last_jail, last_ip, last_time FROM history_sync_state "
            + "WHERE source = ?";
    private static final String SAVE_MARK = "INSERT INTO history_sync_state (source, last_rowid, last_jail, "
            + "last_ip, last_time, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET "
            + "last_rowid = excluded.last_rowid, last_jail = excluded.last_jail, last_ip = excluded.last_ip, "
            + "last_time = excluded.last_time, updated_at = excluded.updated_at";

    private final DataSource dataSource;

    @Inject
    SqliteHistoryArchiveAdapter(DataSource dataSource, DataSourceResolver resolver) {
        // plain pooled connections: the transactions here are explicit, one per call
        this(resolver.resolve(dataSource));
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteHistoryArchiveAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int archive(List<BanRecord> bans) {
        return archive(bans, Instant.MIN);
    }

    /** Bans copied from fail2ban whose ban time ran out by {@code expiredBy} are stored ended at once. */
    @Override
    public int archive(List<BanRecord> bans, Instant expiredBy) {
        if (bans.isEmpty()) {
            return 0;
        }
        return inTransaction("cannot archive bans", connection -> {
            boolean mayMerge = anyUnsynced(connection);
            List<BanRecord> inserts = new ArrayList<>(bans.size());
            try (PreparedStatement merge = mayMerge ? connection.prepareStatement(MERGE) : null;
                 PreparedStatement adopt = connection.prepareStatement(ADOPT)) {
                for (BanRecord ban : bans) {
                    boolean fromFail2ban = ban.origin() == BanOrigin.FAIL2BAN;
                    if (!(fromFail2ban ? mayMerge && merged(merge, ban) : adopted(adopt, ban))) {
                        inserts.add(ban);
                    }
                }
            }
            return insertAll(connection, inserts, expiredBy);
        });
    }

    /** Inserts the bans not archived yet, {@link #ROWS_PER_INSERT} per statement; returns how many were new. */
    private static int insertAll(Connection connection, List<BanRecord> bans, Instant expiredBy)
            throws SQLException {
        int added = 0;
        int whole = bans.size() - bans.size() % ROWS_PER_INSERT;
        if (whole > 0) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_FULL)) {
                for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                    added += insert(insert, bans.subList(from, from + ROWS_PER_INSERT), expiredBy);
                }
            }
        }
        if (whole < bans.size()) {
            List<BanRecord> rest = bans.subList(whole, bans.size());
            try (PreparedStatement insert = connection.prepareStatement(insert(rest.size()))) {
                added += insert(insert, rest, expiredBy);
            }
        }
        return added;
    }

    private static int insert(PreparedStatement insert, List<BanRecord> bans, Instant expiredBy)
            throws SQLException {
        int index = 0;
        for (BanRecord ban : bans) {
            bindInsert(insert, index, ban, ban.origin() == BanOrigin.FAIL2BAN, expiredBy);
            index += INSERT_COLUMNS;
        }
        return insert.executeUpdate(); // the rows this statement inserted, not those of the triggers
    }

    private static String insert(int rows) {
        return INSERT_HEAD + String.join(", ", Collections.nCopies(rows, INSERT_ROW)) + INSERT_TAIL;
    }

    private static boolean anyUnsynced(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ANY_UNSYNCED);
             ResultSet row = statement.executeQuery()) {
            return row.next() && row.getInt(1) == 1;
        }
    }

    private static boolean merged(PreparedStatement merge, BanRecord ban) throws SQLException {
        long at = ban.bannedAt().toEpochMilli();
        bind(merge, at, ban.banSeconds().orElse(null), ban.banCount(), ban.failures(), MatchesJson.of(ban.matches()),
                ban.country().orElse(null), ban.jail(), ban.ip(), at - WINDOW_MS, at + WINDOW_MS, at, ban.jail(),
                ban.ip(), at);
        return merge.executeUpdate() == 1;
    }

    private static boolean adopted(PreparedStatement adopt, BanRecord ban) throws SQLException {
        long at = ban.bannedAt().toEpochMilli();
        bind(adopt, ban.origin().code(), ban.jail(), ban.ip(), at - WINDOW_MS, at + WINDOW_MS, at);
        return adopt.executeUpdate() == 1;
    }

    private static void bindInsert(PreparedStatement insert, int offset, BanRecord ban, boolean synced,
                                   Instant expiredBy) throws SQLException {
        // what endExpired would do right after, without a second write of the row
        Long expired = synced ? ban.expiresAt().filter(at -> !at.isAfter(expiredBy)).map(Instant::toEpochMilli)
                .orElse(null) : null;
        Object[] values = {ban.jail(), ban.ip(), HistoryIpKey.of(ban.ip()).orElse(null),
            ban.bannedAt().toEpochMilli(), ban.banSeconds().orElse(null), ban.banCount(), ban.failures(),
            MatchesJson.of(ban.matches()), ban.country().orElse(null), ban.origin().code(), synced ? 1 : 0,
            synced ? ban.bannedAt().toEpochMilli() : null, expired, expired == null ? null : "expired"};
        for (int i = 0; i < values.length; i++) {
            insert.setObject(offset + i + 1, values[i]);
        }
    }

    @Override
    public int endOpen(String jail, String ip, Instant at, EndReason reason, Optional<String> endedBy) {
        long when = at.toEpochMilli();
        return update("cannot end bans", END_OPEN, when, reason.code(), endedBy.orElse(null), jail, ip,
                when + WINDOW_MS);
    }

    @Override
    public int endExpired(Instant now) {
        return update("cannot end expired bans", END_EXPIRED, now.toEpochMilli());
    }

    @Override
    public List<OpenEntry> openEntries(Instant startedBefore, long afterId, int limit) {
        return query("cannot read open bans", OPEN, rows -> {
            long seconds = rows.getLong(5);
            Optional<Long> banSeconds = rows.wasNull() ? Optional.empty() : Optional.of(seconds);
            return new OpenEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                    Instant.ofEpochMilli(rows.getLong(4)), banSeconds, rows.getInt(6) == 1);
        }, afterId, startedBefore.toEpochMilli(), limit);
    }

    @Override
    public int end(List<Ending> endings) {
        return batch("cannot end bans", END, endings.stream()
                .map(e -> new Object[] {e.at().toEpochMilli(), e.reason().code(), e.id()}).toList());
    }

    @Override
    public boolean contains(String jail, String ip, Instant bannedAt) {
        return !query("cannot read the archive", CONTAINS, row -> true, jail, ip, bannedAt.toEpochMilli())
                .isEmpty();
    }

    @Override
    public int purgeStartedBefore(Instant cutoff, int limit) {
        return update("cannot purge the archive", PURGE, cutoff.toEpochMilli(), limit);
    }

    @Override
    public Optional<SyncMark> mark(String source) {
        return query("cannot read the sync mark", MARK, row -> row.getString(2) == null ? null
                : new SyncMark(row.getLong(1), row.getString(2), row.getString(3),
                        Instant.ofEpochMilli(row.getLong(4))), source).stream().findFirst();
    }

    @Override
    public void saveMark(String source, SyncMark mark) {
        update("cannot save the sync mark", SAVE_MARK, source, mark.rowid(), mark.jail(), mark.ip(),
                mark.timeOfBan().toEpochMilli(), System.currentTimeMillis());
    }

    private int update(String failure, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new HistoryArchiveException(failure, e);
        }
    }

    private <T> T inTransaction(String failure, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new HistoryArchiveException(failure, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public List<CountryGap> withoutCountry(Instant since, long afterId, int limit) {
        return query("cannot read entries without a country", WITHOUT_COUNTRY,
                row -> new CountryGap(row.getLong(1), row.getString(2)), since.toEpochMilli(), afterId, limit);
    }

    @Override
    public int fillCountries(List<CountryFill> fills) {
        return batch("cannot set countries", FILL_COUNTRY,
                fills.stream().map(f -> new Object[] {f.country(), f.id()}).toList());
    }

    /** The rows {@code sql} answers, mapped; a row mapped to null is left out. */
    private <T> List<T> query(String failure, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    T value = mapper.map(rows);
                    if (value != null) {
                        result.add(value);
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw new HistoryArchiveException(failure, e);
        }
    }

    /** Runs {@code sql} once per parameter row, in one transaction; returns the rows it changed. */
    private int batch(String failure, String sql, List<Object[]> parameterRows) {
        if (parameterRows.isEmpty()) {
            return 0;
        }
        return inTransaction(failure, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] parameters : parameterRows) {
                    bind(statement, parameters);
                    statement.addBatch();
                }
                int changed = 0;
                for (int count : statement.executeBatch()) {
                    changed += Math.max(count, 0);
                }
                return changed;
            }
        });
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
