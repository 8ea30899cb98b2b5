package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingValuesTest {

    @Test
    void readsDurationsWithUnits() {
        assertThat(SettingValues.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingValues.duration("x", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SettingValues.duration("x", " 5m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(SettingValues.duration("x", "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesMalformedOrZeroDurationsNamingTheSetting() {
        for (String bad : new String[] {"banana", "10", "s", "-1s", "1.5s", "0s", "", "10 s", "PT10S"}) {
            assertThatThrownBy(() -> SettingValues.duration("bangui.fail2ban.timeout", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bangui.fail2ban.timeout");
        }
        assertThatThrownBy(() -> SettingValues.duration("x", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
