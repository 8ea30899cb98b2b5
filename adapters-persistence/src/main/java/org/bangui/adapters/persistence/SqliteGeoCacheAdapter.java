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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bangui.domain.geo.GeoCacheEntry;
import org.bangui.domain.geo.GeoCacheException;
import org.bangui.domain.geo.GeoCachePort;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.net.IpAddress;

/** {@link GeoCachePort} on the {@code geo_cache} table (V8); a batch of entries is written in one transaction. */
@Singleton
public class SqliteGeoCacheAdapter implements GeoCachePort {

    private static final String COLUMNS = "ip, country, asn, as_organization, source, resolved_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM geo_cache WHERE ip = ?";
    private static final String UPSERT = "INSERT INTO geo_cache (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (ip) DO UPDATE SET country = excluded.country, asn = excluded.asn, "
            + "as_organization = excluded.as_organization, source = excluded.source, "
            + "resolved_at = excluded.resolved_at";
    private static final String DELETE_OLD = "DELETE FROM geo_cache WHERE resolved_at < ?";
    private static final String UNRESOLVED = "SELECT " + COLUMNS + " FROM geo_cache "
            + "WHERE country IS NULL AND source <> ? ORDER BY resolved_at LIMIT ?";

    private final DataSource dataSource;

    @Inject
    SqliteGeoCacheAdapter(DataSource dataSource, DataSourceResolver resolver) {
        this(resolver.resolve(dataSource));
    }

    /** On a plain (not transaction-aware) data source of the migrated database. */
    public SqliteGeoCacheAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<GeoCacheEntry> find(IpAddress address) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, address.text());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new GeoCacheException("the geo cache could not be read", e);
        }
    }

    @Override
    public void saveAll(Collection<GeoCacheEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                for (GeoCacheEntry entry : entries) {
                    statement.setString(1, entry.address().text());
                    statement.setString(2, entry.info().country().orElse(null));
                    if (entry.info().asn().isPresent()) {
                        statement.setLong(3, entry.info().asn().get());
                    } else {
                        statement.setNull(3, Types.INTEGER);
                    }
                    statement.setString(4, entry.info().asOrganization().orElse(null));
                    statement.setString(5, entry.source());
                    statement.setLong(6, entry.resolvedAt().toEpochMilli());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new GeoCacheException("the geo cache could not be written", e);
        }
    }

    @Override
    public int deleteResolvedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(DELETE_OLD)) {
            statement.setLong(1, cutoff.toEpochMilli());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new GeoCacheException("the geo cache could not be cleaned", e);
        }
    }

    @Override
    public List<GeoCacheEntry> unresolvedNotFrom(String source, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UNRESOLVED)) {
            statement.setString(1, source);
            statement.setInt(2, limit);
            List<GeoCacheEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new GeoCacheException("the geo cache could not be read", e);
        }
    }

    private static GeoCacheEntry entry(ResultSet rows) throws SQLException {
        long asn = rows.getLong("asn");
        Optional<Long> asnValue = rows.wasNull() ? Optional.empty() : Optional.of(asn);
        GeoInfo info = new GeoInfo(Optional.ofNullable(rows.getString("country")), asnValue,
                Optional.ofNullable(rows.getString("as_organization")));
        return new GeoCacheEntry(IpAddress.parse(rows.getString("ip")), info, rows.getString("source"),
                Instant.ofEpochMilli(rows.getLong("resolved_at")));
    }
}
