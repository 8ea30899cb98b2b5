package org.bangui.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.bangui.application.history.query.HistoryQueryService;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.HistoryQueryPort;

/** Wires the reading side of the ban archive: the list, statistics, export and address use cases. */
@Factory
class HistoryQueryFactory {

    @Singleton
    HistoryQueryService historyQueries(HistoryQueryPort history, GeoLookupPort geo, BanPort bans) {
        return new HistoryQueryService(history, geo, bans);
    }
}
