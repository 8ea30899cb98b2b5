package org.bangui.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who may read the metrics: a scraper that presents the bearer token ({@code BANGUI_METRICS_TOKEN}), or any
 * request to the management port ({@code BANGUI_MANAGEMENT_PORT}, bound to loopback or a private network) when
 * one is set. Without a configured token no request to the main port is admitted, so the metrics are never
 * public by accident. The token is compared in constant time.
 */
public final class MetricsToken {

    private static final String BEARER = "Bearer ";

    /** The challenge of a 401 answer (RFC 6750). */
    public static final String CHALLENGE = "Bearer realm=\"bangui-metrics\"";

    private final Optional<byte[]> expected;
    private final OptionalInt managementPort;

    /** @param token the configured token; empty when metrics scraping is not configured */
    public MetricsToken(Optional<String> token) {
        this(token, OptionalInt.empty());
    }

    /**
     * @param token the configured token; empty when metrics scraping is not configured
     * @param managementPort the management port, whose requests need no token; empty if none is set
     */
    public MetricsToken(Optional<String> token, OptionalInt managementPort) {
        this.expected = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.managementPort = managementPort;
    }

    /**
     * Whether a request that arrived on the local port {@code serverPort} with {@code authorization} (null if
     * absent) may read the metrics.
     */
    public boolean admits(String authorization, int serverPort) {
        return (managementPort.isPresent() && managementPort.getAsInt() == serverPort) || admits(authorization);
    }

    /** Whether {@code authorization} (an {@code Authorization} header value, null if absent) carries the token. */
    public boolean admits(String authorization) {
        if (expected.isEmpty() || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected.get(), presented);
    }

    @Override
    public String toString() {
        return "MetricsToken[hidden]";
    }
}
