package org.bangui.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPosition;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * The WHERE clause of a history query and its parameters, built only from the given criteria so that SQLite
 * can pick the matching index of V6 ({@code history_jail_time}, {@code history_ip_time}, ...). Values are always
 * bound, never spliced into the SQL.
 */
final class HistoryWhere {

    /** The keys of IPv4 entries: ::ffff:0.0.0.0 to ::ffff:255.255.255.255 (see {@link HistoryIpKey}). */
    private static final byte[] MAPPED_FIRST = HistoryIpKey.of(IpAddress.parse("0.0.0.0"));
    private static final byte[] MAPPED_LAST = HistoryIpKey.of(IpAddress.parse("255.255.255.255"));

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    static HistoryWhere of(HistoryFilter filter) {
        HistoryWhere where = new HistoryWhere();
        filter.jail().map(JailName::value).ifPresent(jail -> where.add("jail = ?", jail));
        filter.ip().ifPresent(where::ip);
        filter.country().ifPresent(country -> where.add("country = ?", country));
        filter.origin().ifPresent(origin -> where.add("origin = ?", origin.code()));
        filter.since().ifPresent(since -> where.add("banned_at >= ?", since.toEpochMilli()));
        filter.until().ifPresent(until -> where.add("banned_at < ?", until.toEpochMilli()));
        return where;
    }

    private void ip(IpNetwork network) {
        if (network.isHost()) {
            add("ip_key = ?", HistoryIpKey.of(network.address()));
        } else {
            byte[] first = HistoryIpKey.first(network);
            byte[] last = HistoryIpKey.last(network);
            add("ip_key BETWEEN ? AND ?", first, last);
            if (!network.isIpv4() && Arrays.compareUnsigned(first, MAPPED_FIRST) <= 0
                    && Arrays.compareUnsigned(last, MAPPED_LAST) >= 0) {
                // IPv4 entries are keyed as ::ffff:a.b.c.d; an IPv6 network such as ::/8 must not match them
                add("ip_key NOT BETWEEN ? AND ?", MAPPED_FIRST, MAPPED_LAST);
            }
        }
    }

    /** Keeps only entries strictly after {@code position} in the newest-first order. */
    HistoryWhere after(HistoryPosition position) {
        add("(banned_at, id) < (?, ?)", position.bannedAt().toEpochMilli(), position.id());
        return this;
    }

    HistoryWhere add(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /** {@code " WHERE a AND b"}, or the empty string without conditions. */
    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
