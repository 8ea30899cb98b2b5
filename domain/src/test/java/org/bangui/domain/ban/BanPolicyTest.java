package org.bangui.domain.ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BanPolicyTest {

    private static final List<IpNetwork> IGNORED = List.of(IpNetwork.parse("198.51.100.0/28"),
            IpNetwork.parse("192.0.2.250"), IpNetwork.parse("2001:db8:1::/48"));
    private static final Set<IpAddress> OWN = Set.of(IpAddress.parse("203.0.113.200"),
            IpAddress.parse("2001:db8:ffff::2"));

    private static void check(String target) {
        BanPolicy.checkBannable(IpNetwork.parse(target).normalized(), IGNORED, OWN);
    }

    private static void assertNotBannable(String target) {
        assertThatThrownBy(() -> check(target)).as(target).isInstanceOfSatisfying(BanRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo("address_not_bannable");
            assertThat(e.category()).isEqualTo(DomainException.Category.INVALID_INPUT);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "255.255.255.255", "224.0.0.1",
        "239.255.255.250", "ff02::1", "ff05::1:3"})
    void refusesLoopbackUnspecifiedBroadcastAndMulticastAddresses(String address) {
        assertNotBannable(address);
    }

    @Test
    void refusesTheHostsOwnAddresses() {
        assertNotBannable("203.0.113.200");
        assertNotBannable("2001:db8:ffff::2");
        assertThatThrownBy(() -> check("203.0.113.200")).hasMessageContaining("address of this host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.0/16", "126.0.0.0/7", "203.0.113.0/24", "224.0.0.0/24", "255.255.255.0/24",
        "0.0.0.0/8", "2001:db8:ffff::/48", "ff00::/12", "::/64", "10.0.0.0/7", "2001::/31", "8.0.0.0/5"})
    void refusesNetworksThatContainWhatAnAddressCouldNotBeOrAreTooWide(String network) {
        assertNotBannable(network);
    }

    @Test
    void refusesAddressesAndNetworksOverlappingIgnoreIp() {
        for (String target : new String[] {"198.51.100.1", "192.0.2.250", "2001:db8:1:ffff::9", "198.51.100.0/24",
            "198.51.100.8/29", "192.0.2.0/24", "2001:db8:1:2::/64", "2001:db8::/36"}) {
            assertThatThrownBy(() -> check(target)).as(target).isInstanceOfSatisfying(BanRefusedException.class,
                    e -> assertThat(e.code()).isEqualTo("address_ignored"));
        }
    }

    @Test
    void allowsOrdinaryAddressesAndNetworks() {
        for (String target : new String[] {"203.0.113.9", "198.51.100.16", "198.18.0.0/24", "10.0.0.0/8",
            "2001:db9::/32", "2001:db8:2::/48", "198.51.100.16/28"}) {
            assertThatCode(() -> check(target)).as(target).doesNotThrowAnyException();
        }
    }
}
