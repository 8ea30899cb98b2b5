package org.bangui.adapters.redis;

import io.lettuce.core.RedisException;
import java.time.Duration;
import org.bangui.domain.contract.Eventually;

/**
 * Waits until a connector answers again after an outage (its commands fail at once for a timeout after one timed
 * out).
 */
final class Answering {

    private Answering() {
    }

    static void await(RedisConnector connector) {
        Eventually.await("redis answers again", Duration.ofSeconds(15), () -> {
            try {
                return "PONG".equals(connector.commands().ping());
            } catch (RedisException notYet) {
                return false;
            }
        });
    }
}
