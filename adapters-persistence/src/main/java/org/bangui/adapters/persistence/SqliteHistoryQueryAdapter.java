package org.bangui.adapters.persistence;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.bangui.domain.history.AddressHistory;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPageRequest;
import org.bangui.domain.history.HistoryPosition;
import org.bangui.domain.history.HistoryQueryPort;
import org.bangui.domain.history.HistoryReadException;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;
import org.bangui.domain.net.IpNetwork;

/**
 * {@link HistoryQueryPort} in plain JDBC on plain pooled connections (outside any transaction: sqlite-jdbc
 * refuses the read-only flag Micronaut Data would set), keyset-paged over the V6 indexes.
 */
@Singleton
public class SqliteHistoryQueryAdapter implements HistoryQueryPort {

    /** Rows fetched per round trip while exporting. */
    static final int EXPORT_FETCH_SIZE = 1000;

    private static final String ORDER = " ORDER BY banned_at DESC, id DESC";

    private final DataSource dataSource;
    private final SqliteHistoryStats stats;

    @Inject
    SqliteHistoryQueryAdapter(DataSource dataSource, DataSourceResolver resolver) {
        // the injected DataSource is transaction-aware and refuses connections outside a transaction
        this(resolver.resolve(dataSource));
    }

    /** On a plain data source (tests, benchmarks). */
    public SqliteHistoryQueryAdapter(DataSource dataSource) {
        this(dataSource, new SqliteHistoryStats(dataSource));
    }

    SqliteHistoryQueryAdapter(DataSource dataSource, SqliteHistoryStats stats) {
        this.dataSource = dataSource;
        this.stats = stats;
    }

    @Override
    public HistoryPage page(HistoryPageRequest request) {
        HistoryWhere where = HistoryWhere.of(request.filter());
        request.after().ifPresent(where::after);
        // one row more than asked tells whether another page follows
        List<HistoryEntry> rows = select(where, request.limit() + 1);
        boolean more = rows.size() > request.limit();
        List<HistoryEntry> items = more ? rows.subList(0, request.limit()) : rows;
        return new HistoryPage(items, more ? Optional.of(HistoryPosition.of(items.get(items.size() - 1)))
                : Optional.empty());
    }

    @Override
    public HistoryStats stats(HistoryStatsRequest request) {
        return stats.stats(request);
    }

    @Override
    public AddressHistory address(IpNetwork target, int max) {
        HistoryWhere where = HistoryWhere.of(HistoryFilter.ALL.withIp(target));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT jail, COUNT(*) FROM history" + where.sql() + " GROUP BY jail ORDER BY jail")) {
            where.bind(statement);
            List<String> jails = new ArrayList<>();
            long total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jails.add(rows.getString(1));
                    total += rows.getLong(2);
                }
            }
            return new AddressHistory(total, jails, select(where, max));
        } catch (SQLException e) {
            throw new HistoryReadException("cannot read the history of an address", e);
        }
    }

    @Override
    public Stream<HistoryEntry> export(HistoryFilter filter) {
        HistoryWhere where = HistoryWhere.of(filter);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + HistoryRows.COLUMNS + " FROM history" + where.sql() + ORDER,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            where.bind(statement);
            ResultSet rows = statement.executeQuery();
            Connection open = connection;
            return StreamSupport.stream(new RowSpliterator(rows), false).onClose(() -> close(open));
        } catch (SQLException e) {
            close(connection);
            throw new HistoryReadException("cannot export the history", e);
        }
    }

    private List<HistoryEntry> select(HistoryWhere where, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + HistoryRows.COLUMNS + " FROM history" + where.sql() + ORDER + " LIMIT ?")) {
            statement.setInt(where.bind(statement), limit);
            List<HistoryEntry> entries = new ArrayList<>(Math.min(limit, HistoryPageRequest.MAX_LIMIT + 1));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(HistoryRows.entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new HistoryReadException("cannot read the history", e);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close(); // closes its statement and result set; back to the pool
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    /** Reads one row per advance: the result set's fetch size bounds what is held in memory. */
    private static final class RowSpliterator extends Spliterators.AbstractSpliterator<HistoryEntry> {
        private final ResultSet rows;

        RowSpliterator(ResultSet rows) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rows = rows;
        }

        @Override
        public boolean tryAdvance(Consumer<? super HistoryEntry> action) {
            try {
                if (!rows.next()) {
                    return false;
                }
                action.accept(HistoryRows.entry(rows));
                return true;
            } catch (SQLException e) {
                throw new HistoryReadException("cannot export the history", e);
            }
        }
    }
}
