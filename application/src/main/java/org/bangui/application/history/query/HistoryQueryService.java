package org.bangui.application.history.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.AddressHistory;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPageRequest;
import org.bangui.domain.history.HistoryQueryPort;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/**
 * Answers every read of the ban archive. The address report asks fail2ban where the address is banned now; when
 * fail2ban cannot answer, the report says so instead of failing, since the archive alone is still worth having.
 */
public final class HistoryQueryService implements ListHistoryUseCase, HistoryStatsUseCase, ExportHistoryUseCase,
        AddressHistoryUseCase {

    /** The most archived bans one address report lists (newest first); it says when there are more. */
    public static final int MAX_ADDRESS_ENTRIES = 1000;

    private final HistoryQueryPort history;
    private final GeoLookupPort geo;
    private final BanPort bans;

    public HistoryQueryService(HistoryQueryPort history, GeoLookupPort geo, BanPort bans) {
        this.history = Objects.requireNonNull(history, "history");
        this.geo = Objects.requireNonNull(geo, "geo");
        this.bans = Objects.requireNonNull(bans, "bans");
    }

    @Override
    public HistoryPage list(HistoryPageRequest request) {
        return history.page(request);
    }

    @Override
    public HistoryStats stats(HistoryStatsRequest request) {
        return history.stats(request);
    }

    @Override
    public Stream<HistoryEntry> export(HistoryFilter filter) {
        return history.export(filter);
    }

    @Override
    public AddressReport address(IpNetwork target) {
        IpNetwork normalized = target.normalized();
        AddressHistory archived = history.address(normalized, MAX_ADDRESS_ENTRIES);
        GeoInfo where = normalized.isHost() ? geo.lookup(normalized.address()) : GeoInfo.UNKNOWN;
        try {
            List<JailName> jails = bans.jailsBanning(normalized);
            return new AddressReport(normalized, where, archived, Optional.of(jails), Optional.empty());
        } catch (DomainException e) {
            if (e.category() != DomainException.Category.UNAVAILABLE) {
                throw e;
            }
            return new AddressReport(normalized, where, archived, Optional.empty(), Optional.of(e.code()));
        }
    }
}
