package org.bangui.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 44321);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.7", 44321);

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of(IpNetwork.parse("10.0.0.0/24")));

    @Test
    void ignoresForwardedForFromUntrustedPeers() {
        assertThat(resolver.resolve(STRANGER, "203.0.113.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void takesTheRightmostUntrustedHopBehindTrustedProxies() {
        assertThat(resolver.resolve(PROXY, "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve(PROXY, "192.0.2.1, 203.0.113.9, 10.0.0.7")).isEqualTo("203.0.113.9");
    }

    @Test
    void stopsAtAnUnparsableHop() {
        assertThat(resolver.resolve(PROXY, "203.0.113.9, not-an-ip")).isEqualTo("10.0.0.5");
        assertThat(resolver.resolve(PROXY, "")).isEqualTo("10.0.0.5");
        assertThat(resolver.resolve(PROXY, null)).isEqualTo("10.0.0.5");
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(new ClientAddressResolver(List.of()).resolve(PROXY, "203.0.113.9")).isEqualTo("10.0.0.5");
    }
}
