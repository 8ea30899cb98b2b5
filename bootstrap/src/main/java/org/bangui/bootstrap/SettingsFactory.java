package org.bangui.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

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
    HistoryConfig historyConfig(@Value("${bangui.history.sync-interval:30s}") String syncInterval,
                                @Value("${bangui.fail2ban.db-path:}") String fail2banDbPath,
                                @Value("${bangui.history.retention-days:365}") String retentionDays) {
        return HistoryConfig.from(syncInterval, fail2banDbPath, retentionDays);
    }
}
