package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bangui.adapters.inprocess.InMemoryRateLimitAdapter;
import org.bangui.adapters.persistence.SqliteSchedulerLockAdapter;
import org.bangui.adapters.persistence.SqliteSessionAdapter;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.scheduler.SchedulerLockPort;
import org.bangui.domain.session.SessionPort;
import org.junit.jupiter.api.Test;

/** The store settings choose exactly one adapter per port, and a wrong one stops the start-up by name. */
class StoreSelectionIT {

    private static Map<String, Object> properties(String... pairs) throws Exception {
        Path dir = Files.createTempDirectory("bangui-stores-");
        Map<String, Object> properties = new HashMap<>(Map.of("bangui.port", "-1",
                "bangui.database.path", dir.resolve("bangui.db").toString(),
                "bangui.fail2ban.socket", dir.resolve("none.sock").toString(),
                "bangui.fail2ban.config-dir", dir.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void theDefaultsAreSqliteAndMemory() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(properties())) {
            assertThat(context.getBeansOfType(SessionPort.class)).singleElement()
                    .isInstanceOf(SqliteSessionAdapter.class);
            assertThat(context.getBeansOfType(SchedulerLockPort.class)).singleElement()
                    .isInstanceOf(SqliteSchedulerLockAdapter.class);
            assertThat(context.getBeansOfType(RateLimitPort.class)).singleElement()
                    .isInstanceOf(InMemoryRateLimitAdapter.class);
        }
    }

    @Test
    void anUnknownStoreStopsTheStartWithTheSettingsName() throws Exception {
        Throwable failure = catchThrowable(() -> ApplicationContext.run(properties("bangui.session-store", "mysql")));

        assertThat(rootMessage(failure)).isEqualTo("bangui.session-store: 'mysql' is not one of sqlite, redis");
    }

    @Test
    void redisWithoutAUrlStopsTheStart() throws Exception {
        Throwable failure = catchThrowable(() -> ApplicationContext.run(properties("bangui.lock-backend", "redis")));

        assertThat(rootMessage(failure)).isEqualTo("bangui.redis.url: is required when a store is on Redis");
    }

    private static String rootMessage(Throwable failure) {
        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
