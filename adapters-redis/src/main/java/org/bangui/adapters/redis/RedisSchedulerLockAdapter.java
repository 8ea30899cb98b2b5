package org.bangui.adapters.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.scheduler.LockHolder;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockException;
import org.bangui.domain.scheduler.SchedulerLockPort;

/**
 * {@link SchedulerLockPort} on one Redis key, {@code bangui:scheduler-lock}, whose value is
 * {@code "<owner> <acquired ms> <expires ms>"} (owner ids hold no spaces) and whose expiry is the lease: a free
 * lock is taken with {@code SET NX PX}, and renew and release compare the owner first, each in one Lua script.
 * Times come from the Redis server's clock, which every instance shares.
 */
public final class RedisSchedulerLockAdapter implements SchedulerLockPort {

    static final String KEY = "bangui:scheduler-lock";

    /** Free: take it. Ours: extend it, keeping the acquired time. Another's: refuse. */
    private static final LuaScript ACQUIRE = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local expires = string.format('%.0f', now + tonumber(ARGV[2]))
            local current = redis.call('GET', KEYS[1])
            if not current then
              local set = redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. string.format('%.0f', now) .. ' ' .. expires,
                  'NX', 'PX', ARGV[2])
              if set then return 1 end
              return 0
            end
            local owner, acquired = string.match(current, '^(%S+) (%d+) %d+$')
            if owner == nil or redis.call('PTTL', KEYS[1]) < 0 then
              -- not a lease this service wrote (unreadable, or without expiry): it would block every instance
              redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. string.format('%.0f', now) .. ' ' .. expires, 'PX', ARGV[2])
              return 1
            end
            if owner ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], owner .. ' ' .. acquired .. ' ' .. expires, 'PX', ARGV[2])
            return 1
            """, ScriptOutputType.INTEGER);

    private static final Pattern VALUE = Pattern.compile("(\\S{1,200}) (\\d{1,18}) (\\d{1,18})");

    private static final LuaScript RENEW = new LuaScript("""
            local current = redis.call('GET', KEYS[1])
            if not current then return 0 end
            local owner, acquired = string.match(current, '^(%S+) (%d+) %d+$')
            if owner ~= ARGV[1] then return 0 end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local expires = string.format('%.0f', now + tonumber(ARGV[2]))
            redis.call('SET', KEYS[1], owner .. ' ' .. acquired .. ' ' .. expires, 'PX', ARGV[2])
            return 1
            """, ScriptOutputType.INTEGER);

    private static final LuaScript RELEASE = new LuaScript("""
            local current = redis.call('GET', KEYS[1])
            if current and string.match(current, '^(%S+) ') == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, ScriptOutputType.INTEGER);

    private final RedisConnector redis;

    public RedisSchedulerLockAdapter(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public boolean tryAcquire(LockOwner owner, Duration ttl) {
        return call(() -> ACQUIRE.<Long>run(redis.commands(), keys(), owner.id(), millis(ttl)) == 1L);
    }

    @Override
    public boolean renew(LockOwner owner, Duration ttl) {
        return call(() -> RENEW.<Long>run(redis.commands(), keys(), owner.id(), millis(ttl)) == 1L);
    }

    @Override
    public void release(LockOwner owner) {
        call(() -> RELEASE.<Long>run(redis.commands(), keys(), owner.id()));
    }

    @Override
    public Optional<LockHolder> holder() {
        return call(() -> {
            String value = redis.commands().get(KEY);
            if (value == null) {
                return Optional.empty();
            }
            Matcher parts = VALUE.matcher(value);
            if (!parts.matches()) {
                return Optional.<LockHolder>empty(); // not a lease: the next acquire replaces it
            }
            try {
                return Optional.of(new LockHolder(new LockOwner(parts.group(1)),
                        Instant.ofEpochMilli(Long.parseLong(parts.group(2))),
                        Instant.ofEpochMilli(Long.parseLong(parts.group(3)))));
            } catch (IllegalArgumentException unreadable) {
                return Optional.<LockHolder>empty();
            }
        });
    }

    @Override
    public String backend() {
        return "redis";
    }

    private static String[] keys() {
        return new String[] {KEY};
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            redis.failed(e);
            throw new SchedulerLockException("the scheduler lock store (redis) " + RedisFailures.reason(e), e);
        }
    }
}
