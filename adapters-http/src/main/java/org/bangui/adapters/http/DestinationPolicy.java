package org.bangui.adapters.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a blocklist download may connect to. Cloud metadata addresses, multicast, broadcast,
 * unspecified and reserved (240/4) addresses are refused always; loopback, private (RFC 1918, ULA),
 * link-local, shared (CGNAT) and other non-global addresses are refused unless {@code allowPrivate} is set.
 * IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4) are judged by the
 * embedded address, so {@code ::ffff:127.0.0.1} is no way around the rules.
 */
final class DestinationPolicy {

    /** The IPv4 metadata services of AWS, Azure, GCP, OCI (169.254.169.254) and Alibaba (100.100.100.200). */
    private static final int[] METADATA_V4 = {0xA9FEA9FE, 0x646464C8};
    /** AWS's IPv6 metadata service, fd00:ec2::254. */
    private static final byte[] METADATA_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0x02, 0x54};

    private final boolean allowPrivate;

    DestinationPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why {@code address} is refused, as "ADDRESS is a ... address"; empty if it may be connected to. */
    Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && !Arrays.equals(b, METADATA_V6)) {
            Optional<Integer> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                Kind kind = ipv4(embedded.get());
                return kind.refused(allowPrivate)
                        ? Optional.of(address.getHostAddress() + " embeds " + ipv4Text(embedded.get())
                                + ", which is " + kind.description)
                        : Optional.empty();
            }
        }
        Kind kind = b.length == 4 ? ipv4(toInt(b, 0)) : ipv6(b);
        return kind.refused(allowPrivate)
                ? Optional.of(address.getHostAddress() + " is " + kind.description)
                : Optional.empty();
    }

    /** What an address is, and whether {@code allowPrivate} lifts its refusal. */
    private enum Kind {
        PUBLIC("a public address", false),
        METADATA("a cloud metadata address", false),
        UNSPECIFIED("an unspecified (this-network) address", false),
        MULTICAST("a multicast address", false),
        RESERVED("a reserved or broadcast address", false),
        LOOPBACK("a loopback address", true),
        PRIVATE("a private address", true),
        LINK_LOCAL("a link-local address", true),
        SHARED("a shared (carrier-grade NAT) address", true),
        SPECIAL("a special-purpose (non-global) address", true);

        final String description;
        final boolean liftedByAllowPrivate;

        Kind(String description, boolean liftedByAllowPrivate) {
            this.description = description;
            this.liftedByAllowPrivate = liftedByAllowPrivate;
        }

        boolean refused(boolean allowPrivate) {
            return this != PUBLIC && !(allowPrivate && liftedByAllowPrivate);
        }
    }

    private static Kind ipv4(int a) {
        for (int metadata : METADATA_V4) {
            if (a == metadata) {
                return Kind.METADATA;
            }
        }
        if (in(a, 0x00000000, 8)) {
            return Kind.UNSPECIFIED;
        } else if (in(a, 0xE0000000, 4)) {
            return Kind.MULTICAST;
        } else if (in(a, 0xF0000000, 4)) {
            return Kind.RESERVED; // 240.0.0.0/4 and 255.255.255.255
        } else if (in(a, 0x7F000000, 8)) {
            return Kind.LOOPBACK;
        } else if (in(a, 0x0A000000, 8) || in(a, 0xAC100000, 12) || in(a, 0xC0A80000, 16)) {
            return Kind.PRIVATE;
        } else if (in(a, 0xA9FE0000, 16)) {
            return Kind.LINK_LOCAL;
        } else if (in(a, 0x64400000, 10)) {
            return Kind.SHARED;
        } else if (in(a, 0xC0000000, 24) || in(a, 0xC6120000, 15)) {
            return Kind.SPECIAL; // IETF protocol assignments (192.0.0.0/24), benchmarking (198.18.0.0/15)
        }
        return Kind.PUBLIC;
    }

    private static Kind ipv6(byte[] b) {
        if (Arrays.equals(b, METADATA_V6)) {
            return Kind.METADATA;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (isZero(b, 0, 16)) {
            return Kind.UNSPECIFIED;
        } else if (isZero(b, 0, 15) && b[15] == 1) {
            return Kind.LOOPBACK;
        } else if (first == 0xFF) {
            return Kind.MULTICAST;
        } else if ((first & 0xFE) == 0xFC) {
            return Kind.PRIVATE; // unique local fc00::/7
        } else if (first == 0xFE && (second & 0xC0) == 0x80) {
            return Kind.LINK_LOCAL;
        } else if ((first & 0xE0) != 0x20) {
            return Kind.SPECIAL; // outside global unicast 2000::/3: site-local, discard-only, NAT64 local-use...
        }
        return Kind.PUBLIC;
    }

    /** The IPv4 address inside a mapped, compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<Integer> embeddedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = isZero(b, 0, 12) && !isZero(b, 12, 15); // not :: or ::1
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(toInt(b, 12));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(toInt(b, 2));
        }
        return Optional.empty();
    }

    private static boolean in(int address, int network, int prefix) {
        int mask = -1 << (32 - prefix);
        return (address & mask) == network;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    private static String ipv4Text(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }
}
