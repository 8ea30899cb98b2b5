package org.bangui.domain.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.Test;

class ReservedRangesTest {

    private static boolean reserved(String ip) {
        return ReservedRanges.isReserved(IpAddress.parse(ip));
    }

    @Test
    void privateLoopbackLinkLocalMulticastAndDocumentationRangesAreReserved() {
        for (String ip : new String[] {"0.0.0.0", "10.255.255.255", "100.127.0.1", "127.0.0.1", "169.254.9.9",
                "172.31.255.255", "192.0.0.8", "192.0.2.2", "192.168.0.1", "198.18.0.1", "198.19.255.255",
                "198.51.100.1", "203.0.113.255", "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.255",
                "::", "::1", "fe80::1", "fc00::1", "fd00::2", "ff02::1", "2001:db8::1", "2001::1", "3fff::1",
                "::ffff:10.0.0.1", "64:ff9b::1"}) {
            assertThat(reserved(ip)).as(ip).isTrue();
        }
    }

    @Test
    void publicAddressesAreNot() {
        for (String ip : new String[] {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                "172.32.0.0", "192.0.3.1", "198.17.255.255", "198.20.0.0", "203.0.112.1", "223.255.255.255",
                "2001:4860:4860::8888", "2a00:1450::1", "2001:200::1", "2001:db9::1", "3fff:1000::1"}) {
            assertThat(reserved(ip)).as(ip).isFalse();
        }
    }
}
