package org.bangui.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token a metrics scraper presents ({@code BANGUI_METRICS_TOKEN}). Without a configured token no
 * request is admitted, so the metrics are never public by accident. Compared in constant time.
 */
public final class MetricsToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> expected;

    /** @param token the configured token; empty when metrics scraping is not configured */
    public MetricsToken(Optional<String> token) {
        this.expected = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
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
