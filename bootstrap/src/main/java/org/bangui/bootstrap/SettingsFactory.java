package org.bangui.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

/**
 * Parses the bound settings once, at start-up, into typed records; the factories take those. They are context
 * beans, so a malformed value stops the service at once with the setting's name.
 */
@Factory
class SettingsFactory {

    @Context
    Fail2banConfig fail2banConfig(Fail2banSettings settings) {
        return Fail2banConfig.from(settings);
    }

    @Context
    SecurityConfig securityConfig(SecuritySettings settings) {
        return SecurityConfig.from(settings);
    }

    @Context
    ManagementConfig managementConfig(ManagementSettings settings, @Value("${bangui.port:8080}") int mainPort) {
        return ManagementConfig.from(settings, mainPort);
    }

    @Context
    JobsConfig jobsConfig(SchedulerSettings scheduler, ShutdownSettings shutdown,
                          @Value("${bangui.jobs.health-check-interval:10s}") String healthCheckInterval,
                          @Value("${bangui.maintenance-interval:1m}") String maintenance) {
        return JobsConfig.from(scheduler, shutdown, healthCheckInterval, maintenance);
    }

    @Context
    DashboardConfig dashboardConfig(@Value("${bangui.dashboard.cache-time:1s}") String cacheTime) {
        return DashboardConfig.from(cacheTime);
    }

    @Context
    GeoConfig geoConfig(@Value("${bangui.database.path}") String databasePath,
                        @Nullable @Value("${bangui.geoip.db-path:}") String dbPath,
                        @Nullable @Value("${bangui.geoip.asn-db-path:}") String asnDbPath,
                        @Value("${bangui.geoip.check-interval:5s}") String checkInterval,
                        @Value("${bangui.geoip.cache-size:200000}") String cacheSize,
                        @Value("${bangui.geoip.cache-max-age:720h}") String cacheMaxAge,
                        @Nullable @Value("${bangui.geoip.http-url:}") String httpUrl,
                        @Value("${bangui.geoip.http-timeout:2s}") String httpTimeout,
                        @Value("${bangui.geoip.flush-interval:30s}") String flushInterval,
                        @Value("${bangui.geoip.cleanup-interval:1h}") String cleanupInterval,
                        @Value("${bangui.geoip.re-resolve-interval:10m}") String reResolveInterval) {
        return GeoConfig.from(new GeoConfig.Raw(databasePath, dbPath, asnDbPath, checkInterval, cacheSize,
                cacheMaxAge, httpUrl, httpTimeout, flushInterval, cleanupInterval, reResolveInterval));
    }

    @Context
    HistoryConfig historyConfig(@Value("${bangui.history.sync-interval:30s}") String syncInterval,
                                @Value("${bangui.fail2ban.db-path:}") String fail2banDbPath,
                                @Value("${bangui.history.retention-days:365}") String retentionDays) {
        return HistoryConfig.from(syncInterval, fail2banDbPath, retentionDays);
    }

    @Context
    BlocklistConfig blocklistConfig(@Value("${bangui.blocklist.max-bytes:64MB}") String maxBytes,
                                    @Value("${bangui.blocklist.allow-private:false}") String allowPrivate,
                                    @Value("${bangui.blocklist.timeout:30s}") String timeout,
                                    @Value("${bangui.blocklist.max-download-time:5m}") String maxDownloadTime,
                                    @Value("${bangui.blocklist.check-interval:10s}") String checkInterval) {
        return BlocklistConfig.from(maxBytes, allowPrivate, timeout, maxDownloadTime, checkInterval);
    }
}
