package org.bangui.domain.ban;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class BanPolicyTest {

    private static final List<IpNetwork> IGNORED = List.of(IpNetwork.parse("198.51.100.0/28"),
            IpNetwork.parse("192.0.2.250"), IpNetwork.parse("2001:db8:1::/48"));

    @Test
    void refusesLoopbackAndUnspecifiedAddresses() {
        for (String address : new String[] {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::"}) {
            assertThatThrownBy(() -> BanPolicy.checkBannable(IpAddress.parse(address), List.of()))
                    .as(address).isInstanceOfSatisfying(BanRefusedException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.category())
                                    .isEqualTo(DomainException.Category.INVALID_INPUT));
        }
    }

    @Test
    void refusesAddressesCoveredByIgnoreIp() {
        for (String address : new String[] {"198.51.100.1", "192.0.2.250", "2001:db8:1:ffff::9"}) {
            assertThatThrownBy(() -> BanPolicy.checkBannable(IpAddress.parse(address), IGNORED))
                    .as(address).isInstanceOfSatisfying(BanRefusedException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("address_ignored"));
        }
    }

    @Test
    void allowsOrdinaryAddresses() {
        assertThatCode(() -> BanPolicy.checkBannable(IpAddress.parse("203.0.113.9"), IGNORED)).doesNotThrowAnyException();
        assertThatCode(() -> BanPolicy.checkBannable(IpAddress.parse("198.51.100.16"), IGNORED))
                .doesNotThrowAnyException();
    }
}
