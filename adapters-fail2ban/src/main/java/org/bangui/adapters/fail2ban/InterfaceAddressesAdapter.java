package org.bangui.adapters.fail2ban;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.DomainException;

/**
 * {@link HostAddressesPort} from this host's network interfaces (BanGUI runs beside fail2ban), read again at
 * most every {@code refresh}. fail2ban's {@code ignoreself} resolves the host's names instead; the interface
 * addresses cover those without a DNS lookup.
 */
public final class InterfaceAddressesAdapter implements HostAddressesPort {

    private static final System.Logger LOG = System.getLogger(InterfaceAddressesAdapter.class.getName());

    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    private record Snapshot(Set<IpAddress> addresses, Instant readAt) {
    }

    public InterfaceAddressesAdapter(Clock clock, Duration refresh) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    @Override
    public Set<IpAddress> ownAddresses() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.readAt().plus(refresh))) {
            current = new Snapshot(read(current), now);
            snapshot = current;
        }
        return current.addresses();
    }

    private static Set<IpAddress> read(Snapshot previous) {
        Set<IpAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress inet : Collections.list(nic.getInetAddresses())) {
                    try {
                        addresses.add(IpAddress.ofBytes(inet.getAddress()));
                    } catch (DomainException unexpected) {
                        LOG.log(System.Logger.Level.DEBUG, "interface_address_skipped interface={0}", nic.getName());
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "network_interfaces_unavailable: cannot list network interfaces: {0}",
                    e.getMessage());
            return previous == null ? Set.of() : previous.addresses();
        }
        return Set.copyOf(addresses);
    }
}
