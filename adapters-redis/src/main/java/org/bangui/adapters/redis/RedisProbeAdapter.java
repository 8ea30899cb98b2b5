package org.bangui.adapters.redis;

import io.lettuce.core.RedisException;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/** The {@code redis} probe: the shared connection answers PING within the command timeout. */
public final class RedisProbeAdapter implements ComponentProbePort {

    private static final System.Logger LOG = System.getLogger(RedisProbeAdapter.class.getName());

    private final RedisConnector redis;

    public RedisProbeAdapter(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public String component() {
        return "redis";
    }

    @Override
    public ProbeResult probe() {
        try {
            return "PONG".equals(redis.commands().ping()) ? ProbeResult.up("answers")
                    : ProbeResult.down("unexpected answer");
        } catch (RedisException e) {
            redis.failed(e);
            String reason = RedisFailures.reason(e);
            LOG.log(System.Logger.Level.WARNING, "redis_probe_failed reason=\"" + reason + "\"");
            return ProbeResult.down(reason);
        }
    }
}
