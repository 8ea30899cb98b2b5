package org.bangui.domain.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.1", "10.1", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "0x7f.0.0.1",
        "localhost", "example.com", "", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/32", "fe80::1%eth0", "fe80::1%1",
        "::ffff:1.2.3", "2001:db8::1::2", "2001:db8:::1", "12345::", "1:2:3:4:5:6:7:8:9", "[::1]",
        "1.2.3.4<F2B_END_COMMAND>", "1.2.3.4\n", "2001:db8::g", "::1.2.3.04", "00001::1", "2001:0db80::1",
        "::000001", "1:2:3:4:5:6:7:00008"})
    void rejectsAnythingButStrictLiterals(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("invalid_ip");
    }

    @Test
    void rejectsNullAndOverlongInput() {
        assertThatThrownBy(() -> IpAddress.parse(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IpAddress.parse("1".repeat(10_000))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsDottedQuadsAndIpv6Literals() {
        assertThat(IpAddress.parse("192.0.2.1").text()).isEqualTo("192.0.2.1");
        assertThat(IpAddress.parse("0.0.0.0").isUnspecified()).isTrue();
        assertThat(IpAddress.parse("2001:DB8:0:0:0:0:0:1").text()).isEqualTo("2001:db8::1");
        assertThat(IpAddress.parse("::").text()).isEqualTo("::");
        assertThat(IpAddress.parse("::1").isLoopback()).isTrue();
        assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:1").text()).isEqualTo("2001:db8:0:1::1");
        assertThat(IpAddress.parse("2001:0:0:1:0:0:0:1").text()).isEqualTo("2001:0:0:1::1");
        assertThat(IpAddress.parse("2001:0:0:1:1:0:0:1").text()).isEqualTo("2001::1:1:0:0:1");
    }

    @Test
    void normalisesIpv4MappedAddressesToIpv4SoLoopbackChecksStillApply() {
        IpAddress mapped = IpAddress.parse("::ffff:127.0.0.1");
        assertThat(mapped.isIpv4()).isTrue();
        assertThat(mapped.isLoopback()).isTrue();
    }

    @Test
    void knowsBroadcastAndMulticast() {
        assertThat(IpAddress.parse("255.255.255.255").isBroadcast()).isTrue();
        assertThat(IpAddress.parse("255.255.255.254").isBroadcast()).isFalse();
        assertThat(IpAddress.parse("224.0.0.1").isMulticast()).isTrue();
        assertThat(IpAddress.parse("ff02::1").isMulticast()).isTrue();
        assertThat(IpAddress.parse("203.0.113.1").isMulticast()).isFalse();
    }

    @Test
    void acceptsFourDigitGroupsWithLeadingZeros() {
        assertThat(IpAddress.parse("2001:0db8:0000::0001").text()).isEqualTo("2001:db8::1");
    }

    @Test
    void equalAddressesAreEqualWhateverTheirSpelling() {
        assertThat(IpAddress.parse("2001:db8::5")).isEqualTo(IpAddress.parse("2001:DB8:0::5"));
    }
}
