package org.bangui.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once and answers only the addresses the policy accepts, so the connection manager connects
 * to exactly an address that was checked (a second, rebound answer is never asked for). IP literals are parsed
 * here without DNS and checked the same way.
 */
final class CheckedDnsResolver implements DnsResolver {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final DnsResolver delegate;
    private final Function<InetAddress, Optional<String>> policy;

    /** @param policy why an address is refused, empty if it is allowed */
    CheckedDnsResolver(DnsResolver delegate, Function<InetAddress, Optional<String>> policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] candidates = literal(host).map(a -> new InetAddress[] {a}).orElse(null);
        if (candidates == null) {
            candidates = delegate.resolve(host);
        }
        if (candidates == null || candidates.length == 0) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> allowed = new ArrayList<>();
        String firstRefusal = null;
        for (InetAddress candidate : candidates) {
            Optional<String> refusal = policy.apply(candidate);
            if (refusal.isEmpty()) {
                allowed.add(candidate);
            } else if (firstRefusal == null) {
                firstRefusal = refusal.get();
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedDestinationException(firstRefusal);
        }
        return allowed.toArray(new InetAddress[0]);
    }

    /** Never asks DNS: the canonical name only matters for Kerberos, which downloads do not use. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** An IPv4 dotted quad or an IPv6 literal (with or without brackets), parsed without any lookup. */
    private static Optional<InetAddress> literal(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.indexOf(':') >= 0) {
            // the brackets make the JDK parse a literal or fail; it never falls back to DNS
            return Optional.of(InetAddress.getByName("[" + bare + "]"));
        }
        if (DOTTED_QUAD.matcher(bare).matches()) {
            String[] parts = bare.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255 || parts[i].length() > 1 && parts[i].charAt(0) == '0') {
                    throw new UnknownHostException("not a valid IPv4 address: " + bare);
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        }
        return Optional.empty();
    }

    /** The policy refused every address of a host; the message says which address and why. */
    static final class RefusedDestinationException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        RefusedDestinationException(String reason) {
            super(reason);
        }
    }
}
