package org.bangui.application.ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.ban.QueryBansUseCase.BanQuery;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BanQueryServiceTest {

    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd", "web", "blocklist");
    private final BanQueryService service = new BanQueryService(fail2ban, fail2ban);
    private final IpNetwork shared = IpNetwork.parse("203.0.113.1");

    @BeforeEach
    void bans() {
        fail2ban.ban(JailName.of("sshd"), List.of(shared, IpNetwork.parse("203.0.113.2")));
        fail2ban.ban(JailName.of("web"), List.of(shared));
    }

    @Test
    void listsEveryBanWithoutFilters() {
        assertThat(service.activeBans(BanQuery.all())).hasSize(3);
    }

    @Test
    void filtersByAddressAcrossJailsWithoutReadingUnrelatedJails() {
        fail2ban.commands = 0;
        List<Ban> bans = service.activeBans(new BanQuery(Optional.empty(), Optional.of(shared)));
        assertThat(bans).extracting(b -> b.jail().value()).containsExactly("sshd", "web");
        assertThat(fail2ban.commands).as("banned + two ban lists, not the blocklist").isEqualTo(3);
    }

    @Test
    void filtersByJailAndAddress() {
        assertThat(service.activeBans(new BanQuery(Optional.of(JailName.of("web")),
                Optional.of(IpNetwork.parse("203.0.113.2"))))).isEmpty();
        assertThat(service.activeBans(new BanQuery(Optional.of(JailName.of("sshd")), Optional.empty()))).hasSize(2);
    }

    @Test
    void listsEveryBannedEntryOncePerJailWithoutTheirTimes() {
        fail2ban.ban(JailName.of("blocklist"), List.of(IpNetwork.parse("198.51.100.0/24")));
        assertThat(service.activeTargets()).extracting(IpNetwork::text).containsExactlyInAnyOrder(
                "203.0.113.1", "203.0.113.2", "203.0.113.1", "198.51.100.0/24");
        assertThat(fail2ban.timedListings).as("no listing with every ban's time").isZero();
    }

    @Test
    void unknownJailFilterIsReported() {
        assertThatThrownBy(() -> service.activeBans(new BanQuery(Optional.of(JailName.of("nope")), Optional.empty())))
                .isInstanceOf(UnknownJailException.class);
    }
}
