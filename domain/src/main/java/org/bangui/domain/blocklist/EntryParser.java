package org.bangui.domain.blocklist;

/**
 * Parses one entry (printable ASCII bytes, no whitespace) into an {@link EntrySet}: an address literal as
 * {@link AddressLiterals} reads it, optionally followed by {@code /} and one to three digits.
 */
final class EntryParser {

    private EntryParser() {
    }

    static LineOutcome parseInto(byte[] bytes, int from, int to, EntrySet entries) {
        int slash = to;
        boolean colon = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '/' && slash == to) {
                slash = i;
            } else if (b == ':') {
                colon = true;
            } else if (b == '%') {
                return colon ? LineOutcome.ZONE_ID : LineOutcome.NOT_AN_ADDRESS;
            }
        }
        int prefix = -1;
        if (slash < to) {
            prefix = prefix(bytes, slash + 1, to);
            if (prefix < 0) {
                return LineOutcome.BAD_PREFIX;
            }
        }
        return colon ? ipv6(bytes, from, slash, prefix, entries) : ipv4(bytes, from, slash, prefix, entries);
    }

    private static LineOutcome ipv4(byte[] bytes, int from, int to, int prefix, EntrySet entries) {
        long address = AddressLiterals.ipv4(bytes, from, to);
        if (address < 0) {
            return LineOutcome.NOT_AN_ADDRESS;
        }
        if (prefix > 32) {
            return LineOutcome.PREFIX_OUT_OF_RANGE;
        }
        return outcome(entries.addIpv4((int) address, prefix < 0 ? 32 : prefix));
    }

    private static LineOutcome ipv6(byte[] bytes, int from, int to, int prefix, EntrySet entries) {
        long[] address = new long[2];
        if (!AddressLiterals.ipv6(bytes, from, to, address)) {
            return LineOutcome.NOT_AN_ADDRESS;
        }
        int length = prefix < 0 ? 128 : prefix;
        if (length > 128) {
            return LineOutcome.PREFIX_OUT_OF_RANGE;
        }
        if (PackedNetwork.isMapped(address[0], address[1]) && length < 96) {
            // ::ffff:a.b.c.d is the IPv4 address a.b.c.d (as IpAddress has it): a prefix below 96 would reach
            // outside the mapped range, into a network no IPv4 entry can stand for.
            return LineOutcome.MAPPED_TOO_WIDE;
        }
        return outcome(entries.addIpv6(address[0], address[1], length));
    }

    /** The prefix length written as one to three digits (as {@code IpNetwork.parse} allows), or -1. */
    private static int prefix(byte[] bytes, int from, int to) {
        if (to == from || to - from > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            value = value * 10 + bytes[i] - '0';
        }
        return value;
    }

    private static LineOutcome outcome(boolean added) {
        return added ? LineOutcome.ADDED : LineOutcome.DUPLICATE;
    }
}
