package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class Fail2banConfigTest {

    private static Fail2banSettings raw(String timeout, String zone, String outcomeWait) {
        return new Fail2banSettings("/run/f2b.sock", "/etc/fail2ban", "fail2ban-client", "2s", timeout, 4, 500, zone,
                outcomeWait, "60s", "10s");
    }

    @Test
    void parsesEveryValueOnce() {
        Fail2banConfig config = Fail2banConfig.from(raw("10s", "Europe/Berlin", "500ms"));
        assertThat(config.socket()).isEqualTo(Path.of("/run/f2b.sock"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.outcomeWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(Fail2banConfig.from(raw("10s", "system", "5s")).zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void refusesMalformedValuesNamingTheSetting() {
        assertThatThrownBy(() -> Fail2banConfig.from(raw("10", "system", "5s")))
                .hasMessageContaining("bangui.fail2ban.timeout");
        assertThatThrownBy(() -> Fail2banConfig.from(raw("10s", "Mars/Olympus", "5s")))
                .hasMessageContaining("bangui.fail2ban.time-zone");
        assertThatThrownBy(() -> Fail2banConfig.from(raw("10s", "system", "0s")))
                .hasMessageContaining("bangui.fail2ban.outcome-wait");
    }

    @Test
    void dashboardCacheTimeIsADurationOrZero() {
        assertThat(DashboardConfig.from("0s").cacheTime()).isZero();
        assertThat(DashboardConfig.from("2s").cacheTime()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> DashboardConfig.from("soon")).hasMessageContaining("bangui.dashboard.cache-time");
    }
}
