package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bangui.adapters.fail2ban.ConfigDirProbeAdapter;
import org.bangui.adapters.fail2ban.Fail2banBanAdapter;
import org.bangui.adapters.fail2ban.Fail2banJailAdapter;
import org.bangui.adapters.fail2ban.Fail2banServerAdapter;
import org.bangui.adapters.fail2ban.InterfaceAddressesAdapter;
import org.bangui.adapters.fail2ban.protocol.CommandObserver;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ban.BanChanges;
import org.bangui.application.ban.BanObserver;
import org.bangui.application.ban.BanQueryService;
import org.bangui.application.ban.BanService;
import org.bangui.application.ban.UnbanService;
import org.bangui.application.config.ConfigReloadService;
import org.bangui.application.dashboard.DashboardService;
import org.bangui.application.health.HealthService;
import org.bangui.application.jail.JailControlService;
import org.bangui.application.jail.JailQueryService;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerSettingsPort;

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
    Fail2banClient fail2banClient(Fail2banConfig settings, CommandObserver observer) {
        return new Fail2banClient(settings.socket(), settings.connectTimeout(), settings.timeout(),
                settings.connections(), observer);
    }

    @Singleton
    JailControlPort jailPort(Fail2banClient client) {
        return new Fail2banJailAdapter(client);
    }

    @Singleton
    BanPort banPort(Fail2banClient client, Fail2banConfig settings) {
        return new Fail2banBanAdapter(client, settings.zone(), settings.banBatchSize());
    }

    /**
     * The server's own commands. Its probe reaches the health report through the cached {@code fail2banStatus}
     * (JobsFactory), which {@code health_check} refreshes, so it is not a probe bean itself.
     */
    @Singleton
    @Bean(typed = {ServerPort.class, ServerSettingsPort.class, Fail2banServerAdapter.class})
    Fail2banServerAdapter serverPort(Fail2banClient client) {
        return new Fail2banServerAdapter(client);
    }

    /** The {@code config_dir} probe; also retargeted by first-run setup, hence typed by its class as well. */
    @Singleton
    @Order(3)
    @Bean(typed = {ComponentProbePort.class, ConfigDirProbeAdapter.class})
    ConfigDirProbeAdapter configDirProbe(Fail2banConfig settings) {
        return new ConfigDirProbeAdapter(settings.configDir());
    }

    @Singleton
    DashboardService dashboard(ServerPort server, JailControlPort jails, Clock clock, DashboardConfig settings) {
        return new DashboardService(server, jails, clock, settings.cacheTime());
    }

    @Singleton
    JailQueryService jailQueries(JailControlPort jails) {
        return new JailQueryService(jails);
    }

    @Singleton
    JailControlService jailControl(JailControlPort jails, RecordAuditUseCase audit, ConfigReloadService reloads) {
        return new JailControlService(jails, audit, reloads);
    }

    @Singleton
    BanQueryService banQueries(BanPort bans, JailControlPort jails) {
        return new BanQueryService(bans, jails);
    }

    @Singleton
    HostAddressesPort hostAddresses(Clock clock) {
        return new InterfaceAddressesAdapter(clock, Duration.ofSeconds(30));
    }

    /** One instance for bans and unbans alike: it serialises changes to the same address. */
    @Singleton
    BanChanges banChanges(HistoryArchivePort history, GeoLookupPort geo, RecordAuditUseCase audit, Clock clock,
                          Fail2banConfig settings, BanObserver observer) {
        return new BanChanges(history, geo, audit, clock, settings.outcomeWait(), observer);
    }

    @Singleton
    BanService bans(BanPort bans, JailControlPort jails, HostAddressesPort host, BanChanges changes) {
        return new BanService(bans, jails, host, changes);
    }

    @Singleton
    UnbanService unbans(BanPort bans, BanChanges changes) {
        return new UnbanService(bans, changes);
    }

    /** Every probe bean, in their {@code @Order}: fail2ban, database, config_dir, then any other. */
    @Singleton
    HealthService health(List<ComponentProbePort> probes) {
        return new HealthService(probes);
    }
}
