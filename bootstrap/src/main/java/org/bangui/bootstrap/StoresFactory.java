package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.bangui.adapters.inprocess.InMemoryRateLimitAdapter;
import org.bangui.adapters.redis.RedisConnector;
import org.bangui.adapters.redis.RedisProbeAdapter;
import org.bangui.adapters.redis.RedisRateLimitAdapter;
import org.bangui.adapters.redis.RedisSchedulerLockAdapter;
import org.bangui.adapters.redis.RedisSessionAdapter;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.bangui.domain.session.SessionPort;

/**
 * Chooses where sessions, the scheduler lock and rate-limit counters live. Exactly one adapter per port exists:
 * the Redis ones when their setting is {@code redis}, otherwise the SQLite ones (beans of adapters-persistence)
 * and the in-process rate limiter. Any other value stops the start-up with the setting's name
 * ({@link StoreSettings}, a context bean).
 */
@Factory
class StoresFactory {

    private static final System.Logger LOG = System.getLogger(StoresFactory.class.getName());

    @Context
    StoreSettings storeSettings(@Value("${bangui.session-store:sqlite}") String sessionStore,
                                @Value("${bangui.lock-backend:sqlite}") String lockBackend,
                                @Value("${bangui.rate-limit-store:memory}") String rateLimitStore,
                                @Nullable @Value("${bangui.redis.url:}") String redisUrl,
                                @Value("${bangui.redis.timeout:2s}") String redisTimeout) {
        StoreSettings settings = StoreSettings.parse(sessionStore, lockBackend, rateLimitStore, redisUrl, redisTimeout);
        LOG.log(System.Logger.Level.INFO, "stores_selected session_store="
                + (settings.sessionsOnRedis() ? "redis" : "sqlite")
                + " lock_backend=" + (settings.lockOnRedis() ? "redis" : "sqlite")
                + " rate_limit_store=" + (settings.rateLimitsOnRedis() ? "redis" : "memory"));
        if (settings.lockOnRedis() && !settings.rateLimitsOnRedis()) {
            // instances share the lock, so there are several of them; each counts its own requests
            LOG.log(System.Logger.Level.WARNING, "rate_limiting_process_local_only lock_backend=redis "
                    + "rate_limit_store=memory");
        }
        return settings;
    }

    @Singleton
    @Requires(condition = RedisConfigured.class)
    @Bean(preDestroy = "close")
    RedisConnector redis(StoreSettings settings) {
        return new RedisConnector(settings.redisUrl().orElseThrow(), settings.redisTimeout());
    }

    @Singleton
    @Order(5) // after fail2ban, database, config_dir and scheduler in the health report
    @Requires(condition = RedisConfigured.class)
    ComponentProbePort redisProbe(RedisConnector redis) {
        return new RedisProbeAdapter(redis);
    }

    @Singleton
    @Requires(property = "bangui.session-store", value = "redis")
    SessionPort redisSessions(RedisConnector redis) {
        return new RedisSessionAdapter(redis);
    }

    @Singleton
    @Requires(property = "bangui.lock-backend", value = "redis")
    SchedulerLockPort redisSchedulerLock(RedisConnector redis) {
        return new RedisSchedulerLockAdapter(redis);
    }

    @Singleton
    @Requires(property = "bangui.rate-limit-store", value = "redis")
    RateLimitPort redisRateLimits(RedisConnector redis) {
        return new RedisRateLimitAdapter(redis);
    }

    @Singleton
    @Requires(property = "bangui.rate-limit-store", notEquals = "redis")
    RateLimitPort rateLimitCounters() {
        return new InMemoryRateLimitAdapter();
    }
}
