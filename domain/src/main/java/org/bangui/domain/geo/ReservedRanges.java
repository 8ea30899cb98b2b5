package org.bangui.domain.geo;

import org.bangui.domain.net.IpAddress;

/**
 * Address ranges that belong to no country: private, shared, loopback, link-local, multicast, documentation,
 * benchmarking and reserved blocks (IANA special-purpose registries), and every IPv6 address outside the
 * global unicast block 2000::/3. Geo lookups answer unknown for them without asking a database.
 */
public final class ReservedRanges {

    /** IPv4 blocks as {first address, prefix length}, the address as an unsigned int. */
    private static final long[][] IPV4 = {
        {0x00000000L, 8},   // 0.0.0.0/8 "this network"
        {0x0A000000L, 8},   // 10.0.0.0/8 private
        {0x64400000L, 10},  // 100.64.0.0/10 shared (carrier-grade NAT)
        {0x7F000000L, 8},   // 127.0.0.0/8 loopback
        {0xA9FE0000L, 16},  // 169.254.0.0/16 link-local
        {0xAC100000L, 12},  // 172.16.0.0/12 private
        {0xC0000000L, 24},  // 192.0.0.0/24 IETF protocol assignments
        {0xC0000200L, 24},  // 192.0.2.0/24 documentation (TEST-NET-1)
        {0xC0586300L, 24},  // 192.88.99.0/24 deprecated 6to4 relay anycast
        {0xC0A80000L, 16},  // 192.168.0.0/16 private
        {0xC6120000L, 15},  // 198.18.0.0/15 benchmarking
        {0xC6336400L, 24},  // 198.51.100.0/24 documentation (TEST-NET-2)
        {0xCB007100L, 24},  // 203.0.113.0/24 documentation (TEST-NET-3)
        {0xE0000000L, 4},   // 224.0.0.0/4 multicast
        {0xF0000000L, 4},   // 240.0.0.0/4 reserved, and 255.255.255.255
    };

    private ReservedRanges() {
    }

    /** Whether the address is in a range that has no country; never throws for a valid address. */
    public static boolean isReserved(IpAddress address) {
        byte[] b = address.bytes();
        if (b.length == 4) {
            long value = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
            for (long[] block : IPV4) {
                long mask = (0xFFFFFFFFL << (32 - block[1])) & 0xFFFFFFFFL;
                if ((value & mask) == block[0]) {
                    return true;
                }
            }
            return false;
        }
        return isReservedIpv6(b);
    }

    private static boolean isReservedIpv6(byte[] b) {
        int first = b[0] & 0xFF;
        if ((first & 0xE0) != 0x20) {
            return true; // outside 2000::/3: ::, ::1, ULA fc00::/7, link-local fe80::/10, multicast ff00::/8, ...
        }
        int group0 = (first << 8) | (b[1] & 0xFF);
        int group1 = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (group0 == 0x2001 && group1 < 0x0200) {
            return true; // 2001::/23 IETF protocol assignments (Teredo, benchmarking 2001:2::/48, ORCHID)
        }
        if (group0 == 0x2001 && group1 == 0x0db8) {
            return true; // 2001:db8::/32 documentation
        }
        return group0 == 0x3fff && group1 < 0x1000; // 3fff::/20 documentation (RFC 9637)
    }
}
