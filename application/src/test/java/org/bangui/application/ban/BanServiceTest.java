package org.bangui.application.ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.ban.BanAddressUseCase.BanCommand;
import org.bangui.application.ban.UnbanAddressUseCase.UnbanCommand;
import org.bangui.domain.ban.BanEvent;
import org.bangui.domain.ban.BanRefusedException;
import org.bangui.domain.ban.NotBannedException;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.Test;

class BanServiceTest {

    private static final JailName SSHD = JailName.of("sshd");
    private static final JailName WEB = JailName.of("web");

    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd", "web");
    private final BanService service = new BanService(fail2ban, fail2ban, fail2ban,
            Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void bansAndArchivesTheBan() {
        service.ban(new BanCommand(SSHD, IpAddress.parse("203.0.113.1")));
        assertThat(fail2ban.jailsBanning(IpAddress.parse("203.0.113.1"))).containsExactly(SSHD);
        assertThat(fail2ban.history).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(BanEvent.Type.BAN);
            assertThat(event.at()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
        });
    }

    @Test
    void refusesAddressOnTheJailsIgnoreListWithoutBanning() {
        assertThatThrownBy(() -> service.ban(new BanCommand(SSHD, IpAddress.parse("192.0.2.250"))))
                .isInstanceOf(BanRefusedException.class);
        assertThat(fail2ban.bans.get(SSHD)).isEmpty();
        assertThat(fail2ban.history).isEmpty();
    }

    @Test
    void skipsHostnamesInIgnoreIpButChecksTheLiterals() {
        fail2ban.ignoreIp.put(SSHD, List.of("gateway.example", "2001:db8::/32"));
        assertThatThrownBy(() -> service.ban(new BanCommand(SSHD, IpAddress.parse("2001:db8::9"))))
                .isInstanceOf(BanRefusedException.class);
    }

    @Test
    void secondBanOfTheSameAddressIsAConflict() {
        service.ban(new BanCommand(SSHD, IpAddress.parse("203.0.113.1")));
        assertThatThrownBy(() -> service.ban(new BanCommand(SSHD, IpAddress.parse("203.0.113.1"))))
                .isInstanceOf(AlreadyBannedException.class);
        assertThat(fail2ban.history).hasSize(1);
    }

    @Test
    void banInUnknownJailFailsBeforeAnythingIsBanned() {
        assertThatThrownBy(() -> service.ban(new BanCommand(JailName.of("nope"), IpAddress.parse("203.0.113.1"))))
                .isInstanceOf(UnknownJailException.class);
    }

    @Test
    void unbanFromOneJailLeavesTheOthers() {
        IpAddress address = IpAddress.parse("203.0.113.2");
        service.ban(new BanCommand(SSHD, address));
        service.ban(new BanCommand(WEB, address));
        assertThat(service.unban(new UnbanCommand(address, Optional.of(SSHD)))).isEqualTo(1);
        assertThat(fail2ban.jailsBanning(address)).containsExactly(WEB);
        assertThatThrownBy(() -> service.unban(new UnbanCommand(address, Optional.of(SSHD))))
                .isInstanceOf(NotBannedException.class);
    }

    @Test
    void unbanEverywhereArchivesOneEventPerJail() {
        IpAddress address = IpAddress.parse("203.0.113.3");
        service.ban(new BanCommand(SSHD, address));
        service.ban(new BanCommand(WEB, address));
        assertThat(service.unban(new UnbanCommand(address, Optional.empty()))).isEqualTo(2);
        assertThat(fail2ban.history).extracting(BanEvent::type, BanEvent::jail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BanEvent.Type.BAN, SSHD),
                org.assertj.core.groups.Tuple.tuple(BanEvent.Type.BAN, WEB),
                org.assertj.core.groups.Tuple.tuple(BanEvent.Type.UNBAN, SSHD),
                org.assertj.core.groups.Tuple.tuple(BanEvent.Type.UNBAN, WEB));
        assertThatThrownBy(() -> service.unban(new UnbanCommand(address, Optional.empty())))
                .isInstanceOf(NotBannedException.class);
    }
}
