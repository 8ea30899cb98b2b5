package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bangui.application.job.JobSchedule;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {

    private static JobsConfig config(String enabled, String heartbeat, String ttl, String shutdown) {
        return JobsConfig.from(new SchedulerSettings(enabled, heartbeat, ttl), new ShutdownSettings(shutdown),
                "10s", "1m");
    }

    @Test
    void defaultsAreAFiveSecondHeartbeatAndASixtySecondTtl() {
        JobsConfig settings = config("true", "5s", "60s", "25s");
        assertThat(settings.schedulerEnabled()).isTrue();
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.lockTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void ttlUnderThreeHeartbeatsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> config("true", "5s", "14s", "25s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bangui.scheduler.lock-ttl:");
        assertThat(config("true", "5s", "15s", "25s").lockTtl()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void malformedValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> config("yes", "5s", "60s", "25s"))
                .hasMessageStartingWith("bangui.scheduler.enabled:");
        assertThatThrownBy(() -> config("true", "5", "60s", "25s"))
                .hasMessageStartingWith("bangui.scheduler.heartbeat:");
        assertThatThrownBy(() -> config("true", "5s", "60s", "25"))
                .hasMessageStartingWith("bangui.shutdown.timeout:");
    }

    @Test
    void scheduleIsADurationOrAFiveFieldCronExpressionInUtc() {
        JobSchedule every = JobSchedules.parse("bangui.maintenance-interval", "1m");
        assertThat(every.describe()).isEqualTo("every 1m");
        assertThat(every.nextAfter(Instant.parse("2026-01-01T00:00:30Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        JobSchedule cron = JobSchedules.parse("bangui.maintenance-interval", "*/15 3 * * *");
        assertThat(cron.describe()).isEqualTo("cron */15 3 * * *");
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T03:16:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T03:30:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T03:45:00Z")))
                .isEqualTo(Instant.parse("2026-01-02T03:00:00Z"));
        assertThatThrownBy(() -> JobSchedules.parse("bangui.maintenance-interval", "often"))
                .hasMessageStartingWith("bangui.maintenance-interval:");
        assertThatThrownBy(() -> JobSchedules.parse("bangui.maintenance-interval", "61 * * * *"))
                .hasMessageStartingWith("bangui.maintenance-interval:");
    }
}
