package org.bangui.bootstrap;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;
import java.util.List;

/** True when at least one store is on Redis, so that the connection and its probe exist only then. */
public final class RedisConfigured implements Condition {

    private static final List<String> STORES = List.of("bangui.session-store", "bangui.lock-backend",
            "bangui.rate-limit-store");

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return false;
        }
        return STORES.stream().anyMatch(key -> properties.getProperty(key, String.class)
                .map(value -> value.trim().equals("redis")).orElse(false));
    }
}
