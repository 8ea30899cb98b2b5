package org.bangui.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.adapters.redis.RedisUrl;

/**
 * Where shared state lives, parsed once at start-up: {@code bangui.session-store} ({@code sqlite} or
 * {@code redis}), {@code bangui.lock-backend} ({@code sqlite} or {@code redis}), {@code bangui.rate-limit-store}
 * ({@code memory} or {@code redis}), {@code bangui.redis.url} and {@code bangui.redis.timeout}. The URL is
 * required as soon as one store is on Redis and is never shown (its {@code toString} hides the password).
 *
 * @param sessionsOnRedis sessions in Redis rather than SQLite
 * @param lockOnRedis the scheduler lock in Redis rather than SQLite
 * @param rateLimitsOnRedis rate-limit counters in Redis rather than in this process
 * @param redisUrl the Redis URL, present when one store is on Redis
 * @param redisTimeout the bound of every Redis command
 */
record StoreSettings(boolean sessionsOnRedis, boolean lockOnRedis, boolean rateLimitsOnRedis,
                     Optional<RedisUrl> redisUrl, Duration redisTimeout) {

    StoreSettings {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(redisTimeout, "redisTimeout");
    }

    /**
     * @throws IllegalArgumentException naming the setting if a value is unknown or malformed, or if a store
     *         is on Redis without {@code bangui.redis.url}
     */
    static StoreSettings parse(String sessionStore, String lockBackend, String rateLimitStore, String redisUrl,
                               String redisTimeout) {
        boolean sessions = "redis".equals(choice("bangui.session-store", sessionStore, "sqlite", "redis"));
        boolean lock = "redis".equals(choice("bangui.lock-backend", lockBackend, "sqlite", "redis"));
        boolean rateLimits = "redis".equals(choice("bangui.rate-limit-store", rateLimitStore, "memory", "redis"));
        Duration timeout = SettingValues.duration("bangui.redis.timeout", redisTimeout);
        Optional<RedisUrl> url = Optional.empty();
        if (sessions || lock || rateLimits) {
            url = Optional.of(RedisUrl.parse("bangui.redis.url", redisUrl));
        }
        return new StoreSettings(sessions, lock, rateLimits, url, timeout);
    }

    /** Whether any store is on Redis. */
    boolean usesRedis() {
        return redisUrl.isPresent();
    }

    private static String choice(String setting, String value, String... allowed) {
        String trimmed = value == null ? "" : value.trim();
        if (!List.of(allowed).contains(trimmed)) {
            throw new IllegalArgumentException(setting + ": '" + trimmed + "' is not one of "
                    + String.join(", ", allowed));
        }
        return trimmed;
    }
}
