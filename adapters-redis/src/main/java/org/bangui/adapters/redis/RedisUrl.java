package org.bangui.adapters.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A checked {@code redis://} or {@code rediss://} URL, optionally with a user, a password and a database
 * number. Its {@link #toString()} and every error message leave the password out: the URL comes from
 * {@code BANGUI_REDIS_URL} and is never logged.
 */
public final class RedisUrl {

    private final String value;
    private final String redacted;

    private RedisUrl(String value, String redacted) {
        this.value = value;
        this.redacted = redacted;
    }

    /**
     * @throws IllegalArgumentException naming {@code setting} (not the value) if the URL is not usable
     */
    public static RedisUrl parse(String setting, String value) {
        Objects.requireNonNull(setting, "setting");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + ": is required when a store is on Redis");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + ": is not a URL such as redis://:password@host:6379/0");
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException(setting + ": must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(setting + ": names no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
            throw new IllegalArgumentException(setting + ": the path must be a database number such as /0");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(setting + ": takes no query or fragment");
        }
        String redacted = scheme + "://" + (uri.getUserInfo() == null ? "" : "***@") + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
        return new RedisUrl(value.trim(), redacted);
    }

    RedisURI toRedisUri() {
        return RedisURI.create(value);
    }

    /** The URL without user or password, for logs. */
    @Override
    public String toString() {
        return redacted;
    }
}
