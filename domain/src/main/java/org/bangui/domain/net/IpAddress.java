package org.bangui.domain.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/**
 * An IPv4 or IPv6 address given as a literal.
 *
 * <p>{@link #parse(String)} is strict: IPv4 must be a full dotted quad without leading zeros (no {@code 127.1},
 * no {@code 010.0.0.1}); IPv6 must be a literal without zone id; hostnames are refused without any lookup.
 * An IPv4-mapped IPv6 literal ({@code ::ffff:192.0.2.1}) is normalised to its IPv4 address, so that it is
 * checked against the same rules as the address it denotes.
 */
public record IpAddress(InetAddress inet) {

    private static final int MAX_LITERAL_LENGTH = 45;
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    /** One to four hex digits per group: {@code 00001::1} is not a literal, whatever the JDK makes of it. */
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    /**
     * @throws NullPointerException if {@code inet} is null
     * @throws InvalidInputException if the address carries an IPv6 scope (zone) id
     */
    public IpAddress {
        Objects.requireNonNull(inet, "inet");
        if (inet instanceof Inet6Address v6 && (v6.getScopeId() != 0 || v6.getScopedInterface() != null)) {
            throw invalid("IPv6 zone ids are not allowed");
        }
    }

    /**
     * Parses a literal IPv4 or IPv6 address.
     *
     * @param text the literal, surrounding whitespace is not trimmed
     * @return the address
     * @throws InvalidInputException if {@code text} is null, empty, a hostname or not a strict literal
     */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("an IP address is required");
        }
        if (text.length() > MAX_LITERAL_LENGTH) {
            throw invalid("not an IP address literal");
        }
        if (text.indexOf(':') < 0) {
            if (!IPV4.matcher(text).matches()) {
                throw invalid("not a valid IPv4 address literal: " + text);
            }
        } else if (!IPV6_CHARS.matcher(text).matches() || !validEmbeddedIpv4(text) || !validGroups(text)) {
            throw invalid("not a valid IPv6 address literal (zone ids are not allowed)");
        }
        try {
            // Only literals reach this point: a string with ':' is never resolved by the JDK, and the
            // IPv4 pattern above admits digits and dots only.
            return new IpAddress(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            throw invalid("not a valid IP address literal");
        }
    }

    /**
     * The address of 4 or 16 raw bytes (an IPv4-mapped IPv6 address becomes IPv4, as in {@link #parse}).
     *
     * @throws InvalidInputException if there are not 4 or 16 bytes
     */
    public static IpAddress ofBytes(byte[] bytes) {
        try {
            return new IpAddress(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw invalid("an address has 4 or 16 bytes");
        }
    }

    private static boolean validEmbeddedIpv4(String text) {
        if (text.indexOf('.') < 0) {
            return true;
        }
        return IPV4.matcher(text.substring(text.lastIndexOf(':') + 1)).matches();
    }

    private static boolean validGroups(String text) {
        String hex = text.indexOf('.') < 0 ? text : text.substring(0, text.lastIndexOf(':') + 1);
        for (String group : hex.split(":", -1)) {
            if (!group.isEmpty() && !IPV6_GROUP.matcher(group).matches()) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_ip", message);
    }

    /** True for IPv4 addresses. */
    public boolean isIpv4() {
        return inet instanceof Inet4Address;
    }

    /** True for 127.0.0.0/8 and ::1. */
    public boolean isLoopback() {
        return inet.isLoopbackAddress();
    }

    /** True for 0.0.0.0 and ::. */
    public boolean isUnspecified() {
        return inet.isAnyLocalAddress();
    }

    /** True for IPv4 multicast (224.0.0.0/4) and IPv6 multicast (ff00::/8). */
    public boolean isMulticast() {
        return inet.isMulticastAddress();
    }

    /** True for the IPv4 limited broadcast address 255.255.255.255. */
    public boolean isBroadcast() {
        byte[] bytes = inet.getAddress();
        return bytes.length == 4 && (bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff;
    }

    /** The raw address bytes, 4 or 16 of them; a fresh copy on every call. */
    public byte[] bytes() {
        return inet.getAddress();
    }

    /** The canonical text form: dotted quad, or RFC 5952 compressed lower-case IPv6. */
    public String text() {
        return isIpv4() ? inet.getHostAddress() : Ipv6Text.compress(inet.getAddress());
    }

    @Override
    public String toString() {
        return text();
    }
}
