package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store settings are parsed strictly, name the setting in every error, and never show the Redis password. */
class StoreSettingsTest {

    @Test
    void defaultsKeepEverythingLocalWithoutAUrl() {
        StoreSettings settings = StoreSettings.parse("sqlite", "sqlite", "memory", "", "2s");

        assertThat(settings.usesRedis()).isFalse();
        assertThat(settings.redisTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anyStoreOnRedisNeedsTheUrl() {
        for (String[] stores : new String[][] {{"redis", "sqlite", "memory"}, {"sqlite", "redis", "memory"},
                {"sqlite", "sqlite", "redis"}}) {
            assertThatThrownBy(() -> StoreSettings.parse(stores[0], stores[1], stores[2], "", "2s"))
                    .hasMessage("bangui.redis.url: is required when a store is on Redis");
        }
        StoreSettings settings = StoreSettings.parse("redis", "redis", "redis", "redis://:pw-9f2c@10.0.0.5:6379/1",
                "500ms");
        assertThat(settings.sessionsOnRedis() && settings.lockOnRedis() && settings.rateLimitsOnRedis()).isTrue();
        assertThat(settings.toString()).doesNotContain("pw-9f2c");
    }

    @Test
    void refusesUnknownStoresAndBadTimeoutsByName() {
        assertThatThrownBy(() -> StoreSettings.parse("mysql", "sqlite", "memory", "", "2s"))
                .hasMessage("bangui.session-store: 'mysql' is not one of sqlite, redis");
        assertThatThrownBy(() -> StoreSettings.parse("sqlite", "memory", "memory", "", "2s"))
                .hasMessage("bangui.lock-backend: 'memory' is not one of sqlite, redis");
        assertThatThrownBy(() -> StoreSettings.parse("sqlite", "sqlite", "REDIS", "", "2s"))
                .hasMessage("bangui.rate-limit-store: 'REDIS' is not one of memory, redis");
        assertThatThrownBy(() -> StoreSettings.parse("sqlite", "sqlite", "memory", "", "soon"))
                .hasMessageStartingWith("bangui.redis.timeout: ");
        assertThatThrownBy(() -> StoreSettings.parse("redis", "sqlite", "memory", "redis://:pw-9f2c@host/x", "2s"))
                .hasMessageStartingWith("bangui.redis.url: ").message().doesNotContain("pw-9f2c");
    }
}
