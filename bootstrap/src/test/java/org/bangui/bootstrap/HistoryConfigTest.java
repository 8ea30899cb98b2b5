package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryConfigTest {

    @Test
    void defaultsRunTheSyncAtStartAndEvery30Seconds() {
        HistoryConfig config = HistoryConfig.from("30s", "", "365");
        Instant start = Instant.parse("2026-11-21T05:00:00Z");
        assertThat(config.syncSchedule().first(start)).isEqualTo(start);
        assertThat(config.syncSchedule().describe()).isEqualTo("every 30s");
        assertThat(config.fail2banDatabase()).isEmpty();
        assertThat(config.retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void acceptsACronScheduleAndAPath() {
        HistoryConfig config = HistoryConfig.from("*/5 * * * *", "/srv/f2b/fail2ban.sqlite3", "1");
        assertThat(config.syncSchedule().describe()).isEqualTo("cron */5 * * * *");
        assertThat(config.fail2banDatabase()).contains(Path.of("/srv/f2b/fail2ban.sqlite3"));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void malformedValuesNameTheirSetting() {
        assertThatThrownBy(() -> HistoryConfig.from("soon", "", "365"))
                .hasMessageContaining("bangui.history.sync-interval");
        assertThatThrownBy(() -> HistoryConfig.from("30s", "", "0"))
                .hasMessageContaining("bangui.history.retention-days");
        assertThatThrownBy(() -> HistoryConfig.from("30s", "", "a year"))
                .hasMessageContaining("bangui.history.retention-days");
    }
}
