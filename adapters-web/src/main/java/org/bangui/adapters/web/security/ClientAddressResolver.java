package org.bangui.adapters.web.security;

import java.net.InetSocketAddress;
import java.util.List;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case the right-most
 * address of {@code X-Forwarded-For} that is not itself a trusted proxy. Anything unparsable in the header
 * ends the walk, so a client cannot forge its way past a trusted proxy.
 */
public final class ClientAddressResolver {

    private final List<IpNetwork> trustedProxies;

    public ClientAddressResolver(List<IpNetwork> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client address as canonical text. */
    public String resolve(InetSocketAddress peer, String forwardedFor) {
        IpAddress address = new IpAddress(peer.getAddress());
        if (!isTrusted(address) || forwardedFor == null || forwardedFor.isBlank()) {
            return address.text();
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            IpAddress hop;
            try {
                hop = IpAddress.parse(hops[i].trim());
            } catch (InvalidInputException unparsable) {
                return address.text();
            }
            if (!isTrusted(hop)) {
                return hop.text();
            }
            address = hop;
        }
        return address.text();
    }

    private boolean isTrusted(IpAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }
}
