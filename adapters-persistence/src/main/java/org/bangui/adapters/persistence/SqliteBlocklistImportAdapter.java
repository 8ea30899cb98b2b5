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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.bangui.domain.blocklist.BlocklistImport;
import org.bangui.domain.blocklist.BlocklistImportPort;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistStoreException;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.ImportRunningException;
import org.bangui.domain.blocklist.ImportStatus;
import org.bangui.domain.blocklist.InvalidLine;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@link BlocklistImportPort} on the {@code blocklist_import} table (V9). The one-running-import-per-source rule
 * is the partial unique index {@code blocklist_import_running}, so {@link #start} is atomic across instances.
 */
@Singleton
public class SqliteBlocklistImportAdapter implements BlocklistImportPort {

    private static final String COLUMNS = "id, source_id, source_name, run_trigger, status, started_at, "
            + "finished_at, not_modified, bytes, total, valid, invalid, duplicates, ignored, banned, unbanned, "
            + "invalid_samples, error";
    private static final String RUNNING = "'running'";

    private final DataSource dataSource;

    @Inject
    SqliteBlocklistImportAdapter(DataSource dataSource, DataSourceResolver resolver) {
        this(resolver.resolve(dataSource));
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteBlocklistImportAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public BlocklistImport start(BlocklistSource source, String trigger, Optional<String> instance, Instant at) {
        String sql = "INSERT INTO blocklist_import (source_id, source_name, run_trigger, status, instance, started_at) "
                + "VALUES (?, ?, ?, " + RUNNING + ", ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, source.id());
            s.setString(2, source.name());
            s.setString(3, trigger);
            s.setString(4, instance.orElse(null));
            s.setLong(5, at.toEpochMilli());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new BlocklistImport(keys.getLong(1), source.id(), source.name(), trigger, ImportStatus.RUNNING,
                        at, Optional.empty(), false, ImportCounts.NONE, List.of(), Optional.empty());
            }
        } catch (SQLException e) {
            if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                throw new ImportRunningException();
            }
            throw new BlocklistStoreException("the import could not be recorded", e);
        }
    }

    @Override
    public List<BlocklistImport> unclaimed() {
        return query("SELECT " + COLUMNS + " FROM blocklist_import WHERE status = " + RUNNING
                + " AND instance IS NULL ORDER BY id");
    }

    @Override
    public boolean claim(long id, String instance) {
        return update("UPDATE blocklist_import SET instance = ? WHERE id = ? AND status = " + RUNNING
                + " AND instance IS NULL", instance, id) == 1;
    }

    @Override
    public void progress(long id, ImportCounts counts, boolean notModified, List<InvalidLine> samples) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE blocklist_import SET not_modified = ?, bytes = ?, total = ?, valid = ?, invalid = ?, "
                        + "duplicates = ?, ignored = ?, banned = ?, unbanned = ?, invalid_samples = ? "
                        + "WHERE id = ? AND status = " + RUNNING)) {
            bindCounts(s, counts, notModified, samples);
            s.setLong(11, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new BlocklistStoreException("the import could not be recorded", e);
        }
    }

    @Override
    public void finish(long id, ImportStatus status, Instant at, ImportCounts counts, boolean notModified,
                       List<InvalidLine> samples, Optional<String> error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE blocklist_import SET not_modified = ?, bytes = ?, total = ?, valid = ?, invalid = ?, "
                        + "duplicates = ?, ignored = ?, banned = ?, unbanned = ?, invalid_samples = ?, status = ?, "
                        + "finished_at = ?, error = ? WHERE id = ? AND status = " + RUNNING)) {
            bindCounts(s, counts, notModified, samples);
            s.setString(11, status.code());
            s.setLong(12, at.toEpochMilli());
            s.setString(13, error.orElse(null));
            s.setLong(14, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new BlocklistStoreException("the import could not be recorded", e);
        }
    }

    private static void bindCounts(PreparedStatement s, ImportCounts counts, boolean notModified,
                                   List<InvalidLine> samples) throws SQLException {
        s.setInt(1, notModified ? 1 : 0);
        s.setLong(2, counts.bytes());
        s.setLong(3, counts.total());
        s.setLong(4, counts.valid());
        s.setLong(5, counts.invalid());
        s.setLong(6, counts.duplicates());
        s.setLong(7, counts.ignored());
        s.setLong(8, counts.banned());
        s.setLong(9, counts.unbanned());
        s.setString(10, InvalidSamples.write(samples));
    }

    @Override
    public List<Long> interruptClaimed(Instant at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> sources = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT source_id FROM blocklist_import WHERE status = "
                        + RUNNING + " AND instance IS NOT NULL")) {
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            sources.add(rows.getLong(1));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE blocklist_import SET status = 'interrupted', "
                        + "finished_at = ?, error = 'the instance running it stopped, lost the scheduler lock, or "
                        + "could not record its end' WHERE status = " + RUNNING + " AND instance IS NOT NULL")) {
                    s.setLong(1, at.toEpochMilli());
                    s.executeUpdate();
                }
                c.commit();
                return sources;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BlocklistStoreException("the import log could not be updated", e);
        }
    }

    @Override
    public Optional<BlocklistImport> find(long id) {
        return query("SELECT " + COLUMNS + " FROM blocklist_import WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<BlocklistImport> list(OptionalLong sourceId, int limit, OptionalLong beforeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM blocklist_import WHERE id < ?");
        List<Object> args = new ArrayList<>();
        args.add(beforeId.orElse(Long.MAX_VALUE));
        if (sourceId.isPresent()) {
            sql.append(" AND source_id = ?");
            args.add(sourceId.getAsLong());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    @Override
    public Optional<BlocklistImport> latest(long sourceId, ImportStatus status) {
        return query("SELECT " + COLUMNS + " FROM blocklist_import WHERE source_id = ? AND status = ? "
                + "ORDER BY id DESC LIMIT 1", sourceId, status.code()).stream().findFirst();
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new BlocklistStoreException("the import log could not be updated", e);
        }
    }

    private List<BlocklistImport> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<BlocklistImport> imports = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    imports.add(importRun(rows));
                }
            }
            return imports;
        } catch (SQLException e) {
            throw new BlocklistStoreException("the import log could not be read", e);
        }
    }

    private static BlocklistImport importRun(ResultSet rows) throws SQLException {
        long finished = rows.getLong("finished_at");
        Optional<Instant> finishedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        ImportCounts counts = new ImportCounts(rows.getLong("bytes"), rows.getLong("total"), rows.getLong("valid"),
                rows.getLong("invalid"), rows.getLong("duplicates"), rows.getLong("ignored"), rows.getLong("banned"),
                rows.getLong("unbanned"));
        return new BlocklistImport(rows.getLong("id"), rows.getLong("source_id"), rows.getString("source_name"),
                rows.getString("run_trigger"),
                ImportStatus.fromCode(rows.getString("status")).orElse(ImportStatus.FAILED),
                Instant.ofEpochMilli(rows.getLong("started_at")), finishedAt, rows.getInt("not_modified") == 1,
                counts, InvalidSamples.read(rows.getString("invalid_samples")),
                Optional.ofNullable(rows.getString("error")));
    }
}
