package org.bangui.adapters.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bangui.domain.blocklist.BlocklistStatePort;
import org.bangui.domain.blocklist.BlocklistStoreException;
import org.bangui.domain.blocklist.EntryState;
import org.bangui.domain.jail.JailName;

/** {@link BlocklistStatePort} on the {@code blocklist_entry} table (V9); each write is one transaction. */
@Singleton
public class SqliteBlocklistStateAdapter implements BlocklistStatePort {

    /** Entries per {@code IN (...)} list: well under SQLite's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final DataSource dataSource;

    @Inject
    SqliteBlocklistStateAdapter(DataSource dataSource, DataSourceResolver resolver) {
        this(resolver.resolve(dataSource));
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteBlocklistStateAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void forEach(long sourceId, EntryConsumer consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT jail, entry, state FROM blocklist_entry WHERE source_id = ? ORDER BY jail")) {
            s.setLong(1, sourceId);
            s.setFetchSize(10_000);
            try (ResultSet rows = s.executeQuery()) {
                String jailText = null;
                JailName jail = null;
                while (rows.next()) {
                    String text = rows.getString(1);
                    if (!text.equals(jailText)) {
                        jailText = text;
                        jail = JailName.of(text);
                    }
                    consumer.accept(jail, rows.getString(2), EntryState.of(rows.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist entries could not be read", e);
        }
    }

    @Override
    public void put(long sourceId, JailName jail, Collection<String> entries, EntryState state) {
        write("INSERT INTO blocklist_entry (source_id, jail, entry, state) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (source_id, jail, entry) DO UPDATE SET state = excluded.state", sourceId, jail, entries,
                state);
    }

    @Override
    public void remove(long sourceId, JailName jail, Collection<String> entries) {
        write("DELETE FROM blocklist_entry WHERE source_id = ? AND jail = ? AND entry = ?", sourceId, jail, entries,
                null);
    }

    private void write(String sql, long sourceId, JailName jail, Collection<String> entries, EntryState state) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (String entry : entries) {
                    s.setLong(1, sourceId);
                    s.setString(2, jail.value());
                    s.setString(3, entry);
                    if (state != null) {
                        s.setInt(4, state.code());
                    }
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist entries could not be written", e);
        }
    }

    @Override
    public Map<String, EntryState> heldByOthers(long sourceId, JailName jail, Collection<String> entries) {
        Map<String, EntryState> held = new HashMap<>();
        List<String> all = List.copyOf(entries);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                // the primary key (source_id, jail, entry), sought once per other source and entry
                String sql = "SELECT entry, state FROM blocklist_entry WHERE source_id IN (SELECT id FROM "
                        + "blocklist_source WHERE id <> ?) AND jail = ? AND entry IN ("
                        + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, sourceId);
                    s.setString(2, jail.value());
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 3, chunk.get(i));
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            held.merge(rows.getString(1), EntryState.of(rows.getInt(2)),
                                    SqliteBlocklistStateAdapter::stronger);
                        }
                    }
                }
            }
            return held;
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist entries could not be read", e);
        }
    }

    /** BANNED/BANNING before EXTERNAL before UNBANNING. */
    private static EntryState stronger(EntryState a, EntryState b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(EntryState state) {
        return switch (state) {
            case BANNED, BANNING -> 2;
            case EXTERNAL -> 1;
            case UNBANNING -> 0;
        };
    }

    @Override
    public long countHeld(JailName jail) {
        return count("SELECT COUNT(DISTINCT entry) FROM blocklist_entry WHERE jail = ? AND state IN (1, 2)",
                jail.value());
    }

    @Override
    public long count(long sourceId) {
        return count("SELECT COUNT(*) FROM blocklist_entry WHERE source_id = ?", sourceId);
    }

    private long count(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new BlocklistStoreException("the blocklist entries could not be counted", e);
        }
    }
}
