package org.bangui.application.blocklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bangui.domain.ban.BanPolicy;
import org.bangui.domain.blocklist.EntrySet;
import org.bangui.domain.blocklist.InvalidLine;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * Takes out of a parsed list what may never be banned, with the rules of {@link BanPolicy} (too wide, loopback,
 * multicast ..., the host's own addresses) and, for lists only, private, link-local and shared networks (public
 * "bogon" lists carry them for edge routers; mirrored into fail2ban they would lock out the local network),
 * counted as invalid; and what the jail's {@code ignoreip} covers, counted as ignored. Works on the packed set:
 * one pass per rule, no object per entry.
 */
final class ListFilter {

    private static final List<IpNetwork> PRIVATE = Stream.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "0.0.0.0/8", "fc00::/7", "fe80::/10").map(IpNetwork::parse).toList();

    /** What was taken out. */
    record Removed(List<InvalidLine> refused, long ignored) {
    }

    private ListFilter() {
    }

    /**
     * Removes refused and ignored entries from {@code entries}.
     *
     * @return the refused ones as invalid lines (line 0: they are known by entry, not by line) and the ignored count
     */
    static Removed apply(EntrySet entries, Collection<IpNetwork> ignoreIp, Collection<IpAddress> ownAddresses) {
        List<InvalidLine> refused = new ArrayList<>();
        for (IpNetwork wide : entries.removeWiderThan(BanPolicy.MIN_IPV4_PREFIX, BanPolicy.MIN_IPV6_PREFIX)) {
            int min = wide.isIpv4() ? BanPolicy.MIN_IPV4_PREFIX : BanPolicy.MIN_IPV6_PREFIX;
            refused.add(new InvalidLine(0, wide.text(), "networks wider than /" + min + " are refused"));
        }
        for (Map.Entry<IpNetwork, String> reserved : BanPolicy.reservedRanges().entrySet()) {
            for (IpNetwork hit : entries.removeOverlapping(reserved.getKey())) {
                refused.add(new InvalidLine(0, hit.text(), "not bannable: " + reserved.getValue()));
            }
        }
        for (IpNetwork network : PRIVATE) {
            for (IpNetwork hit : entries.removeOverlapping(network)) {
                refused.add(new InvalidLine(0, hit.text(), "not banned from a list: a private, link-local or "
                        + "shared network (" + network + ")"));
            }
        }
        for (IpAddress own : ownAddresses) {
            for (IpNetwork hit : entries.removeOverlapping(IpNetwork.host(own))) {
                refused.add(new InvalidLine(0, hit.text(), "not bannable: contains an address of this host"));
            }
        }
        long ignored = 0;
        for (IpNetwork network : ignoreIp) {
            ignored += entries.removeOverlapping(network.normalized()).size();
        }
        return new Removed(refused, ignored);
    }
}
