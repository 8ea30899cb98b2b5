package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.config.ConfigReloadService;
import org.bangui.application.config.ConfigService;
import org.bangui.application.config.JailTuningService;
import org.bangui.application.config.ServerSettingsService;
import org.bangui.application.job.JobSchedule;
import org.bangui.domain.config.ConfigChangePort;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigFilesPort;
import org.bangui.domain.config.ConfigReadPort;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.server.ServerSettingsPort;

/** Builds the configuration editor: its fail2ban adapters on the config dir in use, and its services. */
@Factory
class ConfigFactory {

    @Singleton
    @Bean(typed = {ConfigReadPort.class, ConfigFilesPort.class, ConfigCheckPort.class, ConfigDirectory.class})
    ConfigDirectory configDirectory(Fail2banConfig settings) {
        return new ConfigDirectory(settings);
    }

    @Singleton
    ConfigService configService(ConfigDirectory dir, ConfigChangePort changes, RecordAuditUseCase audit,
                                Clock clock) {
        return new ConfigService(dir, dir, dir, changes, audit, clock);
    }

    @Singleton
    ConfigReloadService configReloads(ConfigService config, JailControlPort jails, RecordAuditUseCase audit,
                                      Clock clock) {
        return new ConfigReloadService(config, jails, audit, clock);
    }

    @Singleton
    JailTuningService jailTuning(ConfigService config, JailControlPort jails, RecordAuditUseCase audit) {
        return new JailTuningService(config, jails, audit);
    }

    @Singleton
    ServerSettingsService serverSettings(ConfigService config, ServerSettingsPort server, RecordAuditUseCase audit,
                                         HistoryConfig history) {
        // a cron schedule has no one interval: an hour between syncs is the conservative guess for the warning
        Duration interval = history.syncSchedule() instanceof JobSchedule.FixedDelay every ? every.delay()
                : Duration.ofHours(1);
        return new ServerSettingsService(config, server, audit, interval);
    }
}
