package org.bangui.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.bangui.adapters.geoip.MmdbGeoLookupAdapter;
import org.bangui.adapters.geoip.MmdbProbeAdapter;
import org.bangui.adapters.http.HttpGeoLookupAdapter;
import org.bangui.application.ban.QueryBansUseCase;
import org.bangui.application.geo.BanMapUseCase;
import org.bangui.application.geo.GeoCacheCleanupJob;
import org.bangui.application.geo.GeoCacheFlushJob;
import org.bangui.application.geo.GeoCacheService;
import org.bangui.application.geo.GeoQueryService;
import org.bangui.application.geo.GeoReResolveJob;
import org.bangui.application.geo.LookupGeoUseCase;
import org.bangui.application.job.Job;
import org.bangui.domain.geo.GeoCachePort;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.geo.GeoSourcePort;
import org.bangui.domain.health.ComponentProbePort;

/**
 * Wires geo-IP: the {@code .mmdb} files, the optional HTTP lookup service, the cache in front of them (the one
 * {@link GeoLookupPort} bean every caller gets), its jobs, the {@code geoip} health component and the use cases.
 */
@Factory
class GeoFactory {

    private static final System.Logger LOG = System.getLogger(GeoFactory.class.getName());

    @Singleton
    MmdbGeoLookupAdapter geoDatabase(GeoConfig settings) {
        return new MmdbGeoLookupAdapter(settings.databaseFile(), settings.asnFile(), settings.checkInterval());
    }

    @Singleton
    GeoCacheService geoCache(MmdbGeoLookupAdapter database, GeoCachePort store, Clock clock, GeoConfig settings) {
        Optional<GeoSourcePort> fallback = Optional.empty();
        if (settings.httpUrl().isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "geoip_http_lookup_enabled addresses_leave_host=true "
                    + "detail=addresses_the_database_file_does_not_know_are_sent_to_the_lookup_service");
            fallback = Optional.of(new HttpGeoLookupAdapter(settings.httpUrl().get(), settings.httpTimeout()));
        }
        return new GeoCacheService(database, fallback, store, clock, settings.cacheMaxAge(), settings.cacheSize());
    }

    /** The cached lookup: what the bans, the map and the history archive use. */
    @Singleton
    GeoLookupPort geoLookup(GeoCacheService cache) {
        return cache;
    }

    @Singleton
    @Order(6) // after fail2ban, database, config_dir, scheduler and redis in the health report
    ComponentProbePort geoipProbe(MmdbGeoLookupAdapter database) {
        return new MmdbProbeAdapter(database);
    }

    @Singleton
    GeoQueryService geoQueries(GeoLookupPort geo, QueryBansUseCase bans) {
        return new GeoQueryService(geo, bans);
    }

    @Singleton
    LookupGeoUseCase lookupGeo(GeoQueryService service) {
        return service;
    }

    @Singleton
    BanMapUseCase banMap(GeoQueryService service) {
        return service;
    }

    @Singleton
    @Named("geo_cache_flush")
    Job geoCacheFlush(GeoCacheService cache, GeoConfig settings) {
        return new GeoCacheFlushJob(cache, settings.flush());
    }

    @Singleton
    @Named("geo_cache_cleanup")
    Job geoCacheCleanup(GeoCacheService cache, GeoConfig settings) {
        return new GeoCacheCleanupJob(cache, settings.cleanup());
    }

    @Singleton
    @Named("geo_re_resolve")
    Job geoReResolve(GeoCacheService cache, GeoConfig settings) {
        return new GeoReResolveJob(cache, settings.reResolve());
    }
}
