package org.bangui.adapters.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
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
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigChangePort;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.FileChange;

/** {@link ConfigChangePort} on the {@code config_change} table (V10). */
@Singleton
public class SqliteConfigChangeAdapter implements ConfigChangePort {

    private static final String COLUMNS = "id, file, before_content, after_content, changed_at, actor, summary";

    private final DataSource dataSource;

    @Inject
    SqliteConfigChangeAdapter(DataSource dataSource, DataSourceResolver resolver) {
        this(resolver.resolve(dataSource));
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteConfigChangeAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ConfigChange record(FileChange change, Instant at, String actor, String summary) {
        String insert = "INSERT INTO config_change (file, before_content, after_content, changed_at, actor, summary) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        String prune = "DELETE FROM config_change WHERE file = ?1 AND id NOT IN "
                + "(SELECT id FROM config_change WHERE file = ?1 ORDER BY id DESC LIMIT " + KEPT_PER_FILE + ")";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(insert, PreparedStatement.RETURN_GENERATED_KEYS);
                 PreparedStatement p = c.prepareStatement(prune)) {
                s.setString(1, change.file().path());
                bytes(s, 2, change.before());
                bytes(s, 3, change.after());
                s.setLong(4, at.toEpochMilli());
                s.setString(5, actor);
                s.setString(6, summary);
                s.executeUpdate();
                long id;
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                p.setString(1, change.file().path());
                p.executeUpdate();
                c.commit();
                return new ConfigChange(id, change, Instant.ofEpochMilli(at.toEpochMilli()), actor, summary);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ConfigUnreadableException("the configuration change could not be recorded", e);
        }
    }

    @Override
    public List<ConfigChange> list(int limit) {
        return query("SELECT " + COLUMNS + " FROM config_change ORDER BY id DESC LIMIT ?", limit);
    }

    @Override
    public Optional<ConfigChange> find(long id) {
        return query("SELECT " + COLUMNS + " FROM config_change WHERE id = ?", id).stream().findFirst();
    }

    private List<ConfigChange> query(String sql, long parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            List<ConfigChange> changes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(new ConfigChange(r.getLong(1), new FileChange(ConfigFile.of(r.getString(2)),
                            Optional.ofNullable(r.getBytes(3)), Optional.ofNullable(r.getBytes(4))),
                            Instant.ofEpochMilli(r.getLong(5)), r.getString(6), r.getString(7)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new ConfigUnreadableException("the configuration changes could not be read", e);
        }
    }

    private static void bytes(PreparedStatement s, int index, Optional<byte[]> content) throws SQLException {
        if (content.isPresent()) {
            s.setBytes(index, content.get());
        } else {
            s.setNull(index, Types.BLOB);
        }
    }
}
