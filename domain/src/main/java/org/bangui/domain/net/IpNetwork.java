package org.bangui.domain.net;

import java.util.Objects;
import org.bangui.domain.shared.InvalidInputException;

/**
 * A CIDR network such as {@code 192.0.2.0/24} or {@code 2001:db8::/32}. A bare address is a host network
 * (/32 or /128). Host bits below the prefix are allowed and ignored, as fail2ban does for {@code ignoreip}.
 */
public record IpNetwork(IpAddress address, int prefixLength) {

    /**
     * @throws NullPointerException if {@code address} is null
     * @throws InvalidInputException if the prefix is outside 0..32 (IPv4) or 0..128 (IPv6)
     */
    public IpNetwork {
        Objects.requireNonNull(address, "address");
        int max = address.isIpv4() ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new InvalidInputException("invalid_network", "prefix length must be between 0 and " + max);
        }
    }

    /**
     * Parses {@code address/prefix} or a bare address.
     *
     * @throws InvalidInputException if the text is not a literal network
     */
    public static IpNetwork parse(String text) {
        if (text == null) {
            throw new InvalidInputException("invalid_network", "a network is required");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            IpAddress address = IpAddress.parse(text);
            return new IpNetwork(address, address.isIpv4() ? 32 : 128);
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("invalid_network", "not a valid prefix length: " + prefix);
        }
        return new IpNetwork(IpAddress.parse(text.substring(0, slash)), Integer.parseInt(prefix));
    }

    /** The network of one address: /32 or /128. */
    public static IpNetwork host(IpAddress address) {
        return new IpNetwork(address, address.isIpv4() ? 32 : 128);
    }

    /** True for a single address (/32 or /128). */
    public boolean isHost() {
        return prefixLength == (address.isIpv4() ? 32 : 128);
    }

    /** True for IPv4 networks. */
    public boolean isIpv4() {
        return address.isIpv4();
    }

    /**
     * The same network with the host bits below the prefix cleared, as fail2ban stores it:
     * {@code 198.18.0.5/24} becomes {@code 198.18.0.0/24}.
     */
    public IpNetwork normalized() {
        byte[] bytes = address.bytes();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpNetwork(IpAddress.ofBytes(bytes), prefixLength);
    }

    /** The last address of the network (for IPv4 /24: the {@code .255} address). */
    public IpAddress lastAddress() {
        byte[] bytes = address.bytes();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return IpAddress.ofBytes(bytes);
    }

    /** True if the two networks share at least one address (one contains the other's first address). */
    public boolean overlaps(IpNetwork other) {
        return contains(other.address) || other.contains(address);
    }

    /**
     * The text fail2ban uses: the bare address for a single host, {@code address/prefix} otherwise. Call it
     * on a {@link #normalized()} network to get fail2ban's exact spelling.
     */
    public String text() {
        return isHost() ? address.text() : toString();
    }

    /** True if {@code candidate} is of the same family and inside this network. */
    public boolean contains(IpAddress candidate) {
        return matches(address.bytes(), candidate.bytes(), prefixLength);
    }

    private static boolean matches(byte[] network, byte[] other, int prefixLength) {
        if (network.length != other.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (network[i] != other[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (network[fullBytes] & mask) == (other[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return address.text() + "/" + prefixLength;
    }
}
