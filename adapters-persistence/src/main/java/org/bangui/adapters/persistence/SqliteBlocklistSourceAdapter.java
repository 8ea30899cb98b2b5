package org.bangui.adapters.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.domain.blocklist.BlocklistNameTakenException;
import org.bangui.domain.blocklist.BlocklistSchedule;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistSourcePort;
import org.bangui.domain.blocklist.BlocklistStoreException;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.CronPort;
import org.bangui.domain.blocklist.SourceSettings;
import org.bangui.domain.blocklist.UnknownBlocklistException;
import org.bangui.domain.jail.JailName;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** {@link BlocklistSourcePort} on the {@code blocklist_source} table (V9). */
@Singleton
public class SqliteBlocklistSourceAdapter implements BlocklistSourcePort {

    private static final String COLUMNS = "id, name, url, jail, enabled, schedule, etag, last_modified, "
            + "fingerprint, next_import_at, created_at, updated_at";
    private static final String LIVE = " FROM blocklist_source WHERE deleted_at IS NULL";

    private final DataSource dataSource;
    private final CronPort cron;

    @Inject
    SqliteBlocklistSourceAdapter(DataSource dataSource, DataSourceResolver resolver, CronPort cron) {
        this(resolver.resolve(dataSource), cron);
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteBlocklistSourceAdapter(DataSource dataSource, CronPort cron) {
        this.dataSource = dataSource;
        this.cron = cron;
    }

    @Override
    public BlocklistSource create(SourceSettings settings, Instant now, Optional<Instant> nextImportAt) {
        String sql = "INSERT INTO blocklist_source (name, url, jail, enabled, schedule, next_import_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            bindSettings(s, settings, nextImportAt);
            s.setLong(7, now.toEpochMilli());
            s.setLong(8, now.toEpochMilli());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return find(c, keys.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            throw translate(e, "the blocklist could not be stored");
        }
    }

    @Override
    public BlocklistSource update(long id, SourceSettings settings, Instant now, Optional<Instant> nextImportAt) {
        String sql = "UPDATE blocklist_source SET name = ?, url = ?, jail = ?, enabled = ?, schedule = ?, "
                + "next_import_at = ?, updated_at = ?, "
                // a new url or jail: the next import downloads and diffs the list whole
                + "etag = CASE WHEN url = ?2 AND jail = ?3 THEN etag END, "
                + "last_modified = CASE WHEN url = ?2 AND jail = ?3 THEN last_modified END, "
                + "fingerprint = CASE WHEN url = ?2 AND jail = ?3 THEN fingerprint END "
                + "WHERE id = ? AND deleted_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bindSettings(s, settings, nextImportAt);
            s.setLong(7, now.toEpochMilli());
            s.setLong(8, id);
            if (s.executeUpdate() == 0) {
                throw UnknownBlocklistException.source();
            }
            return find(c, id).orElseThrow(UnknownBlocklistException::source);
        } catch (SQLException e) {
            throw translate(e, "the blocklist could not be updated");
        }
    }

    private static void bindSettings(PreparedStatement s, SourceSettings settings, Optional<Instant> next)
            throws SQLException {
        s.setString(1, settings.name());
        s.setString(2, settings.url().toString());
        s.setString(3, settings.jail().value());
        s.setInt(4, settings.enabled() ? 1 : 0);
        s.setString(5, settings.schedule().text());
        setInstant(s, 6, next);
    }

    @Override
    public Optional<BlocklistSource> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklists could not be read", e);
        }
    }

    private Optional<BlocklistSource> find(Connection c, long id) throws SQLException {
        List<BlocklistSource> found = query(c, "SELECT " + COLUMNS + LIVE + " AND id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<BlocklistSource> list() {
        return query("SELECT " + COLUMNS + LIVE + " ORDER BY id");
    }

    @Override
    public List<BlocklistSource> due(Instant now) {
        return query("SELECT " + COLUMNS + LIVE + " AND enabled = 1 AND next_import_at <= ? ORDER BY next_import_at",
                now.toEpochMilli());
    }

    @Override
    public List<BlocklistSource> deleted() {
        return query("SELECT " + COLUMNS + " FROM blocklist_source WHERE deleted_at IS NOT NULL ORDER BY id");
    }

    @Override
    public boolean scheduled(BlocklistSource basedOn, Optional<Instant> nextImportAt, CacheValidators validators,
                             Optional<String> fingerprint) {
        String sql = "UPDATE blocklist_source SET next_import_at = CASE WHEN enabled = 1 THEN ? END, etag = ?, "
                + "last_modified = ?, fingerprint = ? WHERE id = ? AND updated_at = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            setInstant(s, 1, nextImportAt);
            s.setString(2, validators.etag().orElse(null));
            s.setString(3, validators.lastModified().orElse(null));
            s.setString(4, fingerprint.orElse(null));
            s.setLong(5, basedOn.id());
            s.setLong(6, basedOn.updatedAt().toEpochMilli());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist schedule could not be stored", e);
        }
    }

    @Override
    public BlocklistSource markDeleted(long id, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            BlocklistSource source = find(c, id).orElseThrow(UnknownBlocklistException::source);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE blocklist_source SET deleted_at = ?, next_import_at = NULL WHERE id = ? "
                            + "AND deleted_at IS NULL")) {
                s.setLong(1, now.toEpochMilli());
                s.setLong(2, id);
                if (s.executeUpdate() == 0) {
                    throw UnknownBlocklistException.source();
                }
            }
            return source;
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist could not be deleted", e);
        }
    }

    @Override
    public void remove(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM blocklist_source WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate(); // entries go with it (ON DELETE CASCADE)
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist could not be removed", e);
        }
    }

    private List<BlocklistSource> query(String sql, long... args) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklists could not be read", e);
        }
    }

    private List<BlocklistSource> query(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setLong(i + 1, args[i]);
            }
            List<BlocklistSource> sources = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    sources.add(source(rows));
                }
            }
            return sources;
        }
    }

    private BlocklistSource source(ResultSet rows) throws SQLException {
        long next = rows.getLong("next_import_at");
        Optional<Instant> nextAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
        SourceSettings settings = new SourceSettings(rows.getString("name"), URI.create(rows.getString("url")),
                JailName.of(rows.getString("jail")), rows.getInt("enabled") == 1,
                BlocklistSchedule.restore(rows.getString("schedule"), cron));
        CacheValidators validators = new CacheValidators(Optional.ofNullable(rows.getString("etag")),
                Optional.ofNullable(rows.getString("last_modified")));
        return new BlocklistSource(rows.getLong("id"), settings, validators,
                Optional.ofNullable(rows.getString("fingerprint")), nextAt,
                Instant.ofEpochMilli(rows.getLong("created_at")), Instant.ofEpochMilli(rows.getLong("updated_at")));
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            s.setLong(index, at.get().toEpochMilli());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static RuntimeException translate(SQLException e, String message) {
        if (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
            return new BlocklistNameTakenException();
        }
        return new BlocklistStoreException(message, e);
    }
}
