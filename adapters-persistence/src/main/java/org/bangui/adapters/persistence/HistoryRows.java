package org.bangui.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryEntry;

/** The columns history queries select and their mapping to {@link HistoryEntry}. */
final class HistoryRows {

    static final String COLUMNS = "id, jail, ip, banned_at, ban_seconds, ended_at, end_reason, ended_by, ban_count, "
            + "failures, matches, country, origin";

    private HistoryRows() {
    }

    static HistoryEntry entry(ResultSet row) throws SQLException {
        long banSeconds = row.getLong(5);
        Optional<Long> seconds = row.wasNull() ? Optional.empty() : Optional.of(banSeconds);
        long endedAt = row.getLong(6);
        Optional<Instant> ended = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(endedAt));
        BanRecord ban = new BanRecord(row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)),
                seconds, row.getInt(9), row.getInt(10), JsonStringArray.parse(row.getString(11)),
                Optional.ofNullable(row.getString(12)).filter(c -> !c.isEmpty()), origin(row.getString(13)));
        return new HistoryEntry(row.getLong(1), ban, ended,
                Optional.ofNullable(row.getString(7)).map(EndReason::fromCode), Optional.ofNullable(row.getString(8)));
    }

    private static BanOrigin origin(String code) {
        return BanOrigin.fromCode(code);
    }
}
