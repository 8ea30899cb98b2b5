package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bangui.application.job.JobSchedule;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {

    @Test
    void defaultsAreAFiveSecondHeartbeatAndASixtySecondTtl() {
        SchedulerSettings settings = new SchedulerSettings("true", "5s", "60s");
        assertThat(settings.isEnabled()).isTrue();
        assertThat(settings.heartbeatDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.lockTtlDuration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void ttlUnderThreeHeartbeatsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SchedulerSettings("true", "5s", "14s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bangui.scheduler.lock-ttl:");
        assertThat(new SchedulerSettings("true", "5s", "15s").lockTtlDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void malformedValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SchedulerSettings("yes", "5s", "60s"))
                .hasMessageStartingWith("bangui.scheduler.enabled:");
        assertThatThrownBy(() -> new SchedulerSettings("true", "5", "60s"))
                .hasMessageStartingWith("bangui.scheduler.heartbeat:");
        assertThatThrownBy(() -> new ShutdownSettings("25"))
                .hasMessageStartingWith("bangui.shutdown.timeout:");
    }

    @Test
    void scheduleIsADurationOrAFiveFieldCronExpressionInUtc() {
        JobSchedule every = JobSchedules.parse("bangui.maintenance-interval", "1m");
        assertThat(every.describe()).isEqualTo("every 1m");
        assertThat(every.nextAfter(Instant.parse("2026-01-01T00:00:30Z"))).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        JobSchedule cron = JobSchedules.parse("bangui.maintenance-interval", "*/15 3 * * *");
        assertThat(cron.describe()).isEqualTo("cron */15 3 * * *");
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T03:16:00Z"))).isEqualTo(Instant.parse("2026-01-01T03:30:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T03:45:00Z"))).isEqualTo(Instant.parse("2026-01-02T03:00:00Z"));
        assertThatThrownBy(() -> JobSchedules.parse("bangui.maintenance-interval", "often"))
                .hasMessageStartingWith("bangui.maintenance-interval:");
        assertThatThrownBy(() -> JobSchedules.parse("bangui.maintenance-interval", "61 * * * *"))
                .hasMessageStartingWith("bangui.maintenance-interval:");
    }
}
