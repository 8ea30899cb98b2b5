package org.bangui.application.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.ManualClock;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class DashboardServiceTest {

    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd", "web");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T06:00:00Z"));

    @Test
    void sumsCountersOfAllJails() {
        fail2ban.ban(JailName.of("sshd"), List.of(IpNetwork.parse("203.0.113.1"), IpNetwork.parse("203.0.113.2")));
        DashboardStatus status = new DashboardService(fail2ban, fail2ban, clock, Duration.ZERO).status();
        assertThat(status.online()).isTrue();
        assertThat(status.version()).contains("1.0.2");
        assertThat(status.jailCount()).isEqualTo(2);
        assertThat(status.totals().currentlyBanned()).isEqualTo(2);
        assertThat(status.totals().totalBanned()).isEqualTo(2 + 3 + 3);
        assertThat(status.totals().totalFailed()).isEqualTo(4);
    }

    @Test
    void servesCachedSummaryUntilItIsOlderThanTheCacheTime() {
        DashboardService service = new DashboardService(fail2ban, fail2ban, clock, Duration.ofSeconds(1));
        service.status();
        int afterFirst = fail2ban.commands;
        clock.now = clock.now.plusMillis(999);
        service.status();
        assertThat(fail2ban.commands).isEqualTo(afterFirst);
        clock.now = clock.now.plusMillis(1);
        service.status();
        assertThat(fail2ban.commands).isEqualTo(afterFirst * 2);
    }

    @Test
    void reportsOfflineInsteadOfFailing() {
        fail2ban.online = false;
        DashboardStatus status = new DashboardService(fail2ban, fail2ban, clock, Duration.ZERO).status();
        assertThat(status.online()).isFalse();
        assertThat(status.version()).isEmpty();
        assertThat(status.jailCount()).isZero();
    }
}
