package org.bangui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationPolicyTest {

    private final DestinationPolicy strict = new DestinationPolicy(false);
    private final DestinationPolicy lenient = new DestinationPolicy(true);

    /** Literals only: InetAddress.getByName never asks DNS for them. */
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1 is a loopback address",
        "127.255.255.254, a loopback address",
        "10.1.2.3, a private address",
        "172.16.0.1, a private address",
        "172.31.255.255, a private address",
        "192.168.1.1, a private address",
        "169.254.1.1, a link-local address",
        "100.64.0.1, a shared (carrier-grade NAT) address",
        "100.127.255.255, a shared (carrier-grade NAT) address",
        "192.0.0.8, a special-purpose (non-global) address",
        "198.18.0.1, a special-purpose (non-global) address",
        "::1, a loopback address",
        "fc00::1, a private address",
        "fd12:3456::1, a private address",
        "fe80::1, a link-local address",
        "febf::1, a link-local address",
        "fec0::1, a special-purpose (non-global) address",
        "64:ff9b:1::a00:1, a special-purpose (non-global) address",
    })
    void refusesPrivateRangesUnlessAllowed(String address, String reason) throws UnknownHostException {
        assertThat(strict.refusal(ip(address))).hasValueSatisfying(r -> assertThat(r).endsWith(reason));
        assertThat(lenient.refusal(ip(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "169.254.169.254, 169.254.169.254 is a cloud metadata address",
        "100.100.100.200, a cloud metadata address",
        "fd00:ec2::254, fd00:ec2:0:0:0:0:0:254 is a cloud metadata address",
        "0.0.0.0, 0.0.0.0 is an unspecified (this-network) address",
        "0.1.2.3, an unspecified (this-network) address",
        "::, an unspecified (this-network) address",
        "224.0.0.1, a multicast address",
        "239.255.255.250, a multicast address",
        "ff02::1, a multicast address",
        "240.0.0.1, a reserved or broadcast address",
        "255.255.255.255, a reserved or broadcast address",
    })
    void refusesMetadataAndNonUnicastAddressesEvenWhenPrivateIsAllowed(String address, String reason)
            throws UnknownHostException {
        assertThat(strict.refusal(ip(address))).hasValueSatisfying(r -> assertThat(r).endsWith(reason));
        assertThat(lenient.refusal(ip(address))).hasValueSatisfying(r -> assertThat(r).endsWith(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "169.253.255.255", "192.169.0.1", "223.255.255.255", "2001:4860:4860::8888",
        "2606:4700:4700::1111", "64:ff9b::808:808", "::ffff:8.8.8.8", "2002:808:808::1"})
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(strict.refusal(ip(address))).isEmpty();
        assertThat(lenient.refusal(ip(address))).isEmpty();
    }

    @Test
    void judgesAnIpv4MappedAddressByItsIpv4Address() throws UnknownHostException {
        // the JDK turns ::ffff:a.b.c.d into an Inet4Address; one built from raw bytes stays IPv6: both refused
        assertThat(strict.refusal(ip("::ffff:127.0.0.1"))).contains("127.0.0.1 is a loopback address");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254,
            (byte) 169, (byte) 254};
        InetAddress raw = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(lenient.refusal(raw)).hasValueSatisfying(r ->
                assertThat(r).endsWith("embeds 169.254.169.254, which is a cloud metadata address"));
        assertThat(strict.refusal(raw)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "::127.0.0.1, 127.0.0.1, a loopback address",
        "::10.0.0.1, 10.0.0.1, a private address",
        "64:ff9b::7f00:1, 127.0.0.1, a loopback address",
        "64:ff9b::a9fe:a9fe, 169.254.169.254, a cloud metadata address",
        "2002:c0a8:101::1, 192.168.1.1, a private address",
        "2002:a9fe:a9fe::, 169.254.169.254, a cloud metadata address",
    })
    void judgesCompatibleNat64And6to4AddressesByTheEmbeddedIpv4Address(String address, String embedded,
            String reason) throws UnknownHostException {
        Optional<String> refusal = strict.refusal(ip(address));
        assertThat(refusal)
                .hasValueSatisfying(r -> assertThat(r).endsWith("embeds " + embedded + ", which is " + reason));
    }

    @Test
    void keepsRefusingEmbeddedMetadataWhenPrivateIsAllowedButNotEmbeddedLoopback() throws UnknownHostException {
        assertThat(lenient.refusal(ip("64:ff9b::a9fe:a9fe"))).isPresent();
        assertThat(lenient.refusal(ip("64:ff9b::7f00:1"))).isEmpty();
    }
}
