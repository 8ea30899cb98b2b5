package org.bangui.adapters.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitStoreException;

/**
 * {@link RateLimitPort} with one token bucket per (bucket, key) in a Redis hash {@code bangui:rate:<bucket>:<key>}
 * (tokens, last update in the server's microseconds), refilled gradually like the in-memory store: the same
 * allow, refuse and Retry-After. Each acquire or refund is one Lua script, so concurrent requests on any
 * instance cannot overdraw a bucket. A bucket expires by itself once it would be full again, so there is nothing
 * to evict. When Redis fails the adapter throws {@link RateLimitStoreException}: it fails closed, so an outage
 * cannot open the login throttle.
 */
public final class RedisRateLimitAdapter implements RateLimitPort {

    static final String PREFIX = "bangui:rate:";

    /** ARGV: permits, window in microseconds, 'acquire' or 'refund'. Returns {allowed, microseconds to wait}. */
    private static final LuaScript TAKE_OR_GIVE = new LuaScript("""
            local capacity = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              if ARGV[3] == 'refund' then return {1, 0} end
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * capacity / window)
            end
            local allowed = 1
            local wait = 0
            if ARGV[3] == 'acquire' then
              if tokens >= 1 then
                tokens = tokens - 1
              else
                allowed = 0
                wait = math.ceil((1 - tokens) * window / capacity)
              end
            else
              tokens = math.min(capacity, tokens + 1)
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', now))
            local untilFull = math.ceil((capacity - tokens) * window / capacity / 1000)
            redis.call('PEXPIRE', KEYS[1], string.format('%.0f', untilFull + 1000))
            return {allowed, string.format('%.0f', wait)}
            """, ScriptOutputType.MULTI);

    private final RedisConnector redis;

    public RedisRateLimitAdapter(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
        List<Object> result = run(bucket, key, limit, "acquire");
        if (((Long) result.get(0)) == 1L) {
            return RateLimitDecision.ALLOW;
        }
        return RateLimitDecision.refuse(Duration.ofNanos(Long.parseLong((String) result.get(1)) * 1000));
    }

    @Override
    public void refund(String bucket, String key, RateLimit limit) {
        run(bucket, key, limit, "refund");
    }

    /** Buckets expire in Redis once full again; there is never anything to evict here. */
    @Override
    public int evictIdle() {
        return 0;
    }

    private List<Object> run(String bucket, String key, RateLimit limit, String operation) {
        long windowMicros = limit.window().toNanos() / 1000;
        try {
            return TAKE_OR_GIVE.run(redis.commands(), new String[] {PREFIX + bucket + ':' + key},
                    Long.toString(limit.permits()), Long.toString(windowMicros), operation);
        } catch (RedisException e) {
            redis.failed(e);
            throw new RateLimitStoreException("the rate-limit store (redis) " + RedisFailures.reason(e)
                    + "; retry later", e);
        }
    }
}
