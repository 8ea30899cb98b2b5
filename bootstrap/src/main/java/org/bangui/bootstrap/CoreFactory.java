package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bangui.adapters.fail2ban.ConfigDirProbeAdapter;
import org.bangui.adapters.fail2ban.Fail2banBanAdapter;
import org.bangui.adapters.fail2ban.Fail2banJailAdapter;
import org.bangui.adapters.fail2ban.Fail2banServerAdapter;
import org.bangui.adapters.fail2ban.InterfaceAddressesAdapter;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.persistence.DatabaseProbeAdapter;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ban.BanChanges;
import org.bangui.application.ban.BanQueryService;
import org.bangui.application.ban.BanService;
import org.bangui.application.ban.UnbanService;
import org.bangui.application.dashboard.DashboardService;
import org.bangui.application.health.CachedProbe;
import org.bangui.application.health.HealthService;
import org.bangui.application.jail.JailControlService;
import org.bangui.application.jail.JailQueryService;
import org.bangui.application.job.SchedulerLeadership;
import org.bangui.domain.ban.BanHistoryPort;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.net.HostAddressesPort;

/**
 * Builds the fail2ban adapters and the application services. The core has no framework annotations; this
 * factory is the only place that knows which adapter serves which port.
 */
@Factory
class CoreFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    Fail2banClient fail2banClient(Fail2banSettings settings) {
        return new Fail2banClient(settings.socketPath(), settings.connectTimeoutDuration(), settings.timeoutDuration(),
                settings.connections());
    }

    @Singleton
    Fail2banJailAdapter jailPort(Fail2banClient client) {
        return new Fail2banJailAdapter(client);
    }

    @Singleton
    Fail2banBanAdapter banPort(Fail2banClient client, Fail2banSettings settings) {
        return new Fail2banBanAdapter(client, settings.zone(), settings.banBatchSize());
    }

    @Singleton
    Fail2banServerAdapter serverPort(Fail2banClient client) {
        return new Fail2banServerAdapter(client);
    }

    @Singleton
    ConfigDirProbeAdapter configDirProbe(Fail2banSettings settings) {
        return new ConfigDirProbeAdapter(settings.configDirPath());
    }

    @Context // validates bangui.dashboard.cache-time at start-up
    DashboardService dashboard(Fail2banServerAdapter server, JailControlPort jails, Clock clock,
                               @Value("${bangui.dashboard.cache-time:1s}") String cacheTime) {
        Duration ttl = "0s".equals(cacheTime.trim()) ? Duration.ZERO
                : SettingValues.duration("bangui.dashboard.cache-time", cacheTime);
        return new DashboardService(server, jails, clock, ttl);
    }

    @Singleton
    JailQueryService jailQueries(JailControlPort jails) {
        return new JailQueryService(jails);
    }

    @Singleton
    JailControlService jailControl(JailControlPort jails) {
        return new JailControlService(jails);
    }

    @Singleton
    BanQueryService banQueries(BanPort bans, JailControlPort jails) {
        return new BanQueryService(bans, jails);
    }

    @Singleton
    InterfaceAddressesAdapter hostAddresses(Clock clock) {
        return new InterfaceAddressesAdapter(clock, Duration.ofSeconds(30));
    }

    /** One instance for bans and unbans alike: it serialises changes to the same address. */
    @Singleton
    BanChanges banChanges(BanHistoryPort history, RecordAuditUseCase audit, Clock clock, Fail2banSettings settings) {
        return new BanChanges(history, audit, clock, settings.outcomeWaitDuration());
    }

    @Singleton
    BanService bans(BanPort bans, JailControlPort jails, HostAddressesPort host, BanChanges changes) {
        return new BanService(bans, jails, host, changes);
    }

    @Singleton
    UnbanService unbans(BanPort bans, BanChanges changes) {
        return new UnbanService(bans, changes);
    }

    @Singleton
    HealthService health(@Named("fail2banStatus") CachedProbe fail2ban, DatabaseProbeAdapter database,
                         ConfigDirProbeAdapter configDir, SchedulerLeadership scheduler) {
        return new HealthService(List.of(fail2ban, database, configDir, scheduler));
    }
}
