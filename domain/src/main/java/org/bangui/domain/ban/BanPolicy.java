package org.bangui.domain.ban;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * The rules a manual ban must pass before it reaches fail2ban. fail2ban itself bans any string, including
 * loopback addresses, the host's own addresses and addresses on the jail's {@code ignoreip} list, so BanGUI
 * refuses them first. A network is refused when any address it contains would be refused, and when it is
 * wider than an IPv4 /8 or an IPv6 /32.
 */
public final class BanPolicy {

    /** The widest IPv4 network that may be banned in one entry. */
    public static final int MIN_IPV4_PREFIX = 8;
    /** The widest IPv6 network that may be banned in one entry. */
    public static final int MIN_IPV6_PREFIX = 32;

    private static final List<Reserved> RESERVED = List.of(
            new Reserved(IpNetwork.parse("127.0.0.0/8"), "a loopback address"),
            new Reserved(IpNetwork.parse("::1/128"), "a loopback address"),
            new Reserved(IpNetwork.parse("0.0.0.0/32"), "the unspecified address"),
            new Reserved(IpNetwork.parse("::/128"), "the unspecified address"),
            new Reserved(IpNetwork.parse("255.255.255.255/32"), "the broadcast address"),
            new Reserved(IpNetwork.parse("224.0.0.0/4"), "a multicast address"),
            new Reserved(IpNetwork.parse("ff00::/8"), "a multicast address"));

    private record Reserved(IpNetwork network, String what) {
    }

    private BanPolicy() {
    }

    /**
     * The ranges no entry may overlap, with what each is ({@code a loopback address} ...), in a stable order: for
     * checks of many entries at once, which apply the same rules as {@link #checkBannable}.
     */
    public static Map<IpNetwork, String> reservedRanges() {
        Map<IpNetwork, String> ranges = new LinkedHashMap<>();
        RESERVED.forEach(r -> ranges.put(r.network(), r.what()));
        return Collections.unmodifiableMap(ranges);
    }

    /**
     * Checks that {@code address} may be banned in a jail that ignores {@code ignored}.
     *
     * @see #checkBannable(IpNetwork, Collection, Collection)
     */
    public static void checkBannable(IpAddress address, Collection<IpNetwork> ignored,
                                     Collection<IpAddress> ownAddresses) {
        checkBannable(IpNetwork.host(address), ignored, ownAddresses);
    }

    /**
     * Checks that {@code target}, one address or a network, may be banned in a jail that ignores
     * {@code ignored}, on a host that has {@code ownAddresses}.
     *
     * @param target the address or network, normalised (host bits cleared)
     * @param ignored the jail's ignore list, already parsed; entries that are not literals (hostnames) are
     *                not part of it
     * @param ownAddresses the addresses of the host fail2ban runs on (fail2ban's {@code ignoreself})
     * @throws BanRefusedException with code {@code address_not_bannable} if the target is too wide or
     *         contains a loopback, unspecified, broadcast, multicast or own address; with code
     *         {@code address_ignored} if it overlaps an entry of the ignore list
     */
    public static void checkBannable(IpNetwork target, Collection<IpNetwork> ignored,
                                     Collection<IpAddress> ownAddresses) {
        String subject = target.isHost() ? "it is" : "the network contains";
        if (!target.isHost()) {
            int min = target.isIpv4() ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
            if (target.prefixLength() < min) {
                throw BanRefusedException.notBannable(target, "networks wider than /" + min + " are refused");
            }
        }
        for (Reserved reserved : RESERVED) {
            if (target.overlaps(reserved.network())) {
                throw BanRefusedException.notBannable(target, subject + " " + reserved.what());
            }
        }
        for (IpAddress own : ownAddresses) {
            if (target.contains(own)) {
                throw BanRefusedException.notBannable(target, subject + " an address of this host ("
                        + (target.isHost() ? "ignoreself" : own.text()) + ")");
            }
        }
        for (IpNetwork network : ignored) {
            if (target.overlaps(network)) {
                throw BanRefusedException.ignored(target, network);
            }
        }
    }
}
