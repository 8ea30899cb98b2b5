package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.bangui.adapters.persistence.HistoryIpKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code history.ip_key} of the entries V6 copied from the old manual ban log: SQL cannot compute the
 * 16-byte address key, and without it the address and CIDR filters would not find those entries. Runs in
 * Flyway's transaction with the other migrations; entries whose {@code ip} is not an address keep NULL.
 */
public class V6_2__History_ip_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id, ip FROM history WHERE ip_key IS NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE history SET ip_key = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Optional<byte[]> key = HistoryIpKey.of(rows.getString(2));
                if (key.isPresent()) {
                    update.setBytes(1, key.get());
                    update.setLong(2, rows.getLong(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
