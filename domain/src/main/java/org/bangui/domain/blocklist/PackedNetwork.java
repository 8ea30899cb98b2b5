package org.bangui.domain.blocklist;

import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * The packed form {@link EntrySet} stores: a 128-bit address as two longs (IPv4 in the low 32 bits of
 * {@code low}, {@code high} zero) and one byte for family and prefix. A kind of 0 marks an empty slot, so
 * IPv4 prefixes 0..32 are kinds 1..33 and IPv6 prefixes 0..128 are kinds 34..162 (read as unsigned): the two
 * families never share a kind, so {@code 0.0.0.0/0} and {@code ::/0} stay different entries.
 */
record PackedNetwork(long high, long low, byte kind) {

    static final int EMPTY = 0;
    private static final int IPV6_BASE = 34;

    /** The packed form of the normalised {@code network}; a mapped IPv6 network becomes IPv4. */
    static PackedNetwork of(IpNetwork network) {
        byte[] bytes = network.address().bytes();
        if (bytes.length == 4) {
            int prefixLength = network.prefixLength();
            return new PackedNetwork(0, ipv4Bits(intOf(bytes), prefixLength), ipv4Kind(prefixLength));
        }
        return ipv6(longAt(bytes, 0), longAt(bytes, 8), network.prefixLength());
    }

    /**
     * The packed IPv6 network {@code high:low/prefixLength}, host bits cleared; an IPv4-mapped one becomes the
     * IPv4 network it denotes, as {@link IpAddress} does for addresses.
     *
     * @throws IllegalArgumentException if the prefix is outside 0..128, or below 96 for a mapped address
     */
    static PackedNetwork ipv6(long high, long low, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("IPv6 prefix length must be between 0 and 128");
        }
        if (isMapped(high, low)) {
            if (prefixLength < 96) {
                throw new IllegalArgumentException("an IPv4-mapped network needs a prefix of at least 96");
            }
            return new PackedNetwork(0, ipv4Bits((int) low, prefixLength - 96), ipv4Kind(prefixLength - 96));
        }
        return new PackedNetwork(high & highMask(prefixLength), low & lowMask(prefixLength), ipv6Kind(prefixLength));
    }

    static byte ipv4Kind(int prefixLength) {
        return (byte) (1 + prefixLength);
    }

    static byte ipv6Kind(int prefixLength) {
        return (byte) (IPV6_BASE + prefixLength);
    }

    static boolean isIpv4(byte kind) {
        return (kind & 0xff) < IPV6_BASE;
    }

    static int prefixLength(byte kind) {
        int unsigned = kind & 0xff;
        return unsigned < IPV6_BASE ? unsigned - 1 : unsigned - IPV6_BASE;
    }

    /** The IPv4 address with the bits below {@code prefixLength} cleared, as an unsigned value. */
    static long ipv4Bits(int address, int prefixLength) {
        return address & ipv4Mask(prefixLength);
    }

    static long ipv4Mask(int prefixLength) {
        return prefixLength == 0 ? 0L : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    }

    /** The mask of the high 64 bits for an IPv6 prefix. */
    static long highMask(int prefixLength) {
        return prefixLength == 0 ? 0L : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
    }

    /** The mask of the low 64 bits for an IPv6 prefix. */
    static long lowMask(int prefixLength) {
        return prefixLength <= 64 ? 0L : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    }

    /** True for the high 96 bits of an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}). */
    static boolean isMapped(long high, long low) {
        return high == 0 && (low >>> 32) == 0xffffL;
    }

    static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    static int intOf(byte[] bytes) {
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    /** The network a packed entry stands for. */
    static IpNetwork unpack(long high, long low, byte kind) {
        int prefixLength = prefixLength(kind);
        byte[] bytes;
        if (isIpv4(kind)) {
            bytes = new byte[4];
            put(bytes, 0, low, 4);
        } else {
            bytes = new byte[16];
            put(bytes, 0, high, 8);
            put(bytes, 8, low, 8);
        }
        return new IpNetwork(IpAddress.ofBytes(bytes), prefixLength);
    }

    private static void put(byte[] bytes, int offset, long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    /**
     * True if two packed networks share an address: same family and equal on the shorter of the two prefixes
     * (what {@link IpNetwork#overlaps} answers for normalised networks).
     */
    static boolean overlaps(long high, long low, byte kind, long otherHigh, long otherLow, byte otherKind) {
        if (isIpv4(kind) != isIpv4(otherKind)) {
            return false;
        }
        int shorter = Math.min(prefixLength(kind), prefixLength(otherKind));
        if (isIpv4(kind)) {
            return ((low ^ otherLow) & ipv4Mask(shorter)) == 0;
        }
        return ((high ^ otherHigh) & highMask(shorter)) == 0 && ((low ^ otherLow) & lowMask(shorter)) == 0;
    }
}
