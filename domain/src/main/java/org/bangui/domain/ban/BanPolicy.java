package org.bangui.domain.ban;

import java.util.Collection;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * The rules a manual ban must pass before it reaches fail2ban. fail2ban itself bans any string, including
 * loopback addresses and addresses on the jail's {@code ignoreip} list, so BanGUI refuses them first.
 */
public final class BanPolicy {

    private BanPolicy() {
    }

    /**
     * Checks that {@code address} may be banned in a jail that ignores {@code ignored}.
     *
     * @param ignored the jail's ignore list, already parsed; entries that are not literals (hostnames) are
     *                not part of it
     * @throws BanRefusedException if the address is loopback, unspecified, or covered by the ignore list
     */
    public static void checkBannable(IpAddress address, Collection<IpNetwork> ignored) {
        if (address.isLoopback()) {
            throw BanRefusedException.notBannable(address, "it is a loopback address");
        }
        if (address.isUnspecified()) {
            throw BanRefusedException.notBannable(address, "it is the unspecified address");
        }
        for (IpNetwork network : ignored) {
            if (network.contains(address)) {
                throw BanRefusedException.ignored(address, network);
            }
        }
    }
}
