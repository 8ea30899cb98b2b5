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
        byte[] plain = plainIpv4(ip);
        if (plain != null) {
            return Optional.of(plain); // most bans: no regex, no InetAddress (history_sync copies them by the 100,000)
        }
        try {
            return Optional.of(of(IpNetwork.parse(ip).normalized().address()));
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * The key of a strict dotted quad ({@code 0-255} four times, no leading zeros: what {@link IpAddress#parse}
     * accepts without a colon); null for any other text, which then takes the general path.
     */
    static byte[] plainIpv4(String ip) {
        int length = ip.length();
        if (length < 7 || length > 15) {
            return null;
        }
        byte[] key = new byte[16];
        key[10] = (byte) 0xff;
        key[11] = (byte) 0xff;
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? ip.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null; // a leading zero
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && octet < 4) {
                key[12 + octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return octet == 4 ? key : null;
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
