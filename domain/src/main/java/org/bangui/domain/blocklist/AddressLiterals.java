package org.bangui.domain.blocklist;

import org.bangui.domain.net.IpAddress;

/**
 * Byte-level readers of address literals with exactly the rules of {@link IpAddress#parse} (the tests check
 * the two agree): a list of a million lines cannot afford a regex, a String and an {@code InetAddress} each.
 */
final class AddressLiterals {

    private AddressLiterals() {
    }

    /** The strict dotted quad in {@code bytes[from, to)} as an unsigned value, or -1. */
    static long ipv4(byte[] bytes, int from, int to) {
        long address = 0;
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= to || bytes[i] != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && bytes[i] >= '0' && bytes[i] <= '9') {
                value = value * 10 + bytes[i] - '0';
                i++;
            }
            if (i == start || value > 255 || (i - start > 1 && bytes[start] == '0')) {
                return -1;
            }
            address = (address << 8) | value;
        }
        return i == to ? address : -1;
    }

    /**
     * Reads the IPv6 literal in {@code bytes[from, to)} (1-4 hex digits per group, one {@code ::} standing for
     * at least one zero group, an optional strict dotted quad as the last 32 bits, no zone id) into
     * {@code out[0]} (high 64 bits) and {@code out[1]} (low 64 bits).
     *
     * @return false if it is not such a literal
     */
    static boolean ipv6(byte[] bytes, int from, int to, long[] out) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (i < to && bytes[i] == ':') {
            if (i + 1 >= to || bytes[i + 1] != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            int digit;
            while (i < to && i - start < 5 && (digit = Character.digit(bytes[i], 16)) >= 0) {
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && bytes[i] == '.') {
                long ipv4 = ipv4(bytes, start, to);
                if (ipv4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (ipv4 >>> 16);
                groups[count++] = (int) (ipv4 & 0xffff);
                i = to;
                break;
            }
            if (i == start || i - start > 4 || count == 8) {
                return false;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (bytes[i] != ':' || i + 1 == to) {
                return false;
            }
            i++;
            if (bytes[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        long high = 0;
        long low = 0;
        int zeros = 8 - count;
        for (int g = 0, source = 0; g < 8; g++) {
            int value = gap >= 0 && g >= gap && g < gap + zeros ? 0 : groups[source++];
            if (g < 4) {
                high = (high << 16) | value;
            } else {
                low = (low << 16) | value;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }
}
