package org.bangui.adapters.persistence;

import java.util.Optional;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The {@code history.ip_key} encoding: 16 bytes, IPv4 as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}), so that
 * byte order is address order and a CIDR filter is one range {@code ip_key BETWEEN first AND last}. A network
 * entry is keyed by its first address.
 */
public final class HistoryIpKey {

    private HistoryIpKey() {
    }

    /** The key of an archived {@code ip} value; empty when it is not an address or network (a ban id). */
    public static Optional<byte[]> of(String ip) {
        try {
            return Optional.of(of(IpNetwork.parse(ip).normalized().address()));
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The key of one address. */
    static byte[] of(IpAddress address) {
        byte[] raw = address.bytes();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /** The first key of a network's range. */
    static byte[] first(IpNetwork network) {
        return of(network.normalized().address());
    }

    /** The last key of a network's range. */
    static byte[] last(IpNetwork network) {
        return of(network.lastAddress());
    }
}
