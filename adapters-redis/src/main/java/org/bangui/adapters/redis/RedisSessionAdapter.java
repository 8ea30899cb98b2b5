package org.bangui.adapters.redis;

import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.session.SessionStoreException;
import org.bangui.domain.shared.InvalidInputException;

/**
 * {@link SessionPort} on Redis. A session is a hash {@code bangui:session:<id>} (only token hashes, as in SQLite);
 * {@code bangui:session-token:<token hash>} points to its id; both expire at the session's end (the earlier of
 * idle and absolute expiry, {@code PEXPIREAT}), which a touch moves. The sorted set {@code bangui:sessions} scores
 * ids by that end, for listing and clean-up. Create, touch and delete are one Lua script each.
 *
 * <p>Redis drops an ended session by itself, so {@link #deleteExpired} returns only the expired sessions it can
 * still see (those whose keys Redis has not dropped yet) and removes the index entries of the others.
 */
public final class RedisSessionAdapter implements SessionPort {

    static final String SESSION = "bangui:session:";
    static final String TOKEN = "bangui:session-token:";
    static final String INDEX = "bangui:sessions";

    /** KEYS: session, token, index. ARGV: the fields in order, then the end in epoch ms. */
    private static final LuaScript CREATE = new LuaScript("""
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'token', ARGV[2], 'csrf', ARGV[3], 'created', ARGV[4],
                'seen', ARGV[5], 'idle', ARGV[6], 'absolute', ARGV[7], 'ip', ARGV[8], 'agent', ARGV[9])
            redis.call('PEXPIREAT', KEYS[1], ARGV[10])
            redis.call('SET', KEYS[2], ARGV[1], 'PXAT', ARGV[10])
            redis.call('ZADD', KEYS[3], ARGV[10], ARGV[1])
            return 1
            """, ScriptOutputType.INTEGER);

    /** KEYS: session, index. ARGV: last seen, idle expiry, token key prefix, id. */
    private static final LuaScript TOUCH = new LuaScript("""
            local fields = redis.call('HMGET', KEYS[1], 'token', 'absolute')
            if not fields[1] then return 0 end
            local ends = ARGV[2]
            if tonumber(fields[2]) < tonumber(ARGV[2]) then ends = fields[2] end
            redis.call('HSET', KEYS[1], 'seen', ARGV[1], 'idle', ARGV[2])
            redis.call('PEXPIREAT', KEYS[1], ends)
            redis.call('PEXPIREAT', ARGV[3] .. fields[1], ends)
            redis.call('ZADD', KEYS[2], ends, ARGV[4])
            return 1
            """, ScriptOutputType.INTEGER);

    /** Every instance's cache hears of a deleted session on this channel (the message is its id). */
    static final String DELETED = "bangui:session-deleted";

    /** KEYS: session, index. ARGV: token key prefix, id, channel of deletions. */
    private static final LuaScript DELETE = new LuaScript("""
            local token = redis.call('HGET', KEYS[1], 'token')
            redis.call('ZREM', KEYS[2], ARGV[2])
            if not token then return 0 end
            redis.call('DEL', KEYS[1], ARGV[1] .. token)
            redis.call('PUBLISH', ARGV[3], ARGV[2])
            return 1
            """, ScriptOutputType.INTEGER);

    private final RedisConnector redis;

    public RedisSessionAdapter(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public void create(Session s) {
        call(() -> CREATE.run(redis.commands(), new String[] {SESSION + s.id().value(), TOKEN + s.tokenHash(), INDEX},
                s.id().value(), s.tokenHash(), s.csrfHash(), millis(s.createdAt()), millis(s.lastSeenAt()),
                millis(s.idleExpiresAt()), millis(s.absoluteExpiresAt()), s.clientIp(), s.userAgent(),
                millis(s.expiresAt())));
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return call(() -> {
            RedisCommands<String, String> commands = redis.commands();
            String id = commands.get(TOKEN + tokenHash);
            return id == null ? Optional.<Session>empty()
                    : read(commands, id).filter(session -> session.tokenHash().equals(tokenHash));
        });
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return call(() -> read(redis.commands(), id.value()));
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        call(() -> TOUCH.run(redis.commands(), new String[] {SESSION + id.value(), INDEX}, millis(lastSeenAt),
                millis(idleExpiresAt), TOKEN, id.value()));
    }

    @Override
    public boolean delete(SessionId id) {
        return call(() -> DELETE.<Long>run(redis.commands(), new String[] {SESSION + id.value(), INDEX}, TOKEN,
                id.value(), DELETED) == 1L);
    }

    /**
     * Deletions anywhere arrive through Redis pub/sub, this instance's own included (evicting twice is
     * harmless). The subscription opens with the first command and is renewed by Lettuce after a reconnect;
     * a deletion published while this instance was cut off from Redis is missed, so the session cache's own
     * time limit still bounds how long such a session is accepted.
     */
    @Override
    public void onDeletedElsewhere(Consumer<SessionId> listener) {
        redis.subscribe(DELETED, id -> {
            try {
                listener.accept(SessionId.of(id));
            } catch (InvalidInputException notASessionId) {
                // a foreign message on our channel: nothing to evict
            }
        });
    }

    @Override
    public List<Session> listActive(Instant now) {
        return call(() -> {
            RedisCommands<String, String> commands = redis.commands();
            List<Session> active = new ArrayList<>();
            for (String id : commands.zrangebyscore(INDEX, Range.create(now.toEpochMilli() + 1, Long.MAX_VALUE))) {
                read(commands, id).filter(session -> !session.isExpired(now)).ifPresent(active::add);
            }
            active.sort(Comparator.comparing(Session::createdAt).reversed());
            return active;
        });
    }

    @Override
    public List<Session> deleteExpired(Instant now) {
        return call(() -> {
            RedisCommands<String, String> commands = redis.commands();
            List<Session> deleted = new ArrayList<>();
            for (String id : commands.zrangebyscore(INDEX, Range.create(Long.MIN_VALUE, now.toEpochMilli()))) {
                Optional<Session> session = read(commands, id);
                if (session.isPresent() && !session.get().isExpired(now)) {
                    continue; // touched since the index was read
                }
                boolean existed = DELETE.<Long>run(commands, new String[] {SESSION + id, INDEX}, TOKEN, id,
                        DELETED) == 1L;
                if (existed && session.isPresent()) {
                    deleted.add(session.get());
                }
            }
            return deleted;
        });
    }

    private static Optional<Session> read(RedisCommands<String, String> commands, String id) {
        Map<String, String> f = commands.hgetall(SESSION + id);
        if (f == null || !f.containsKey("token")) {
            return Optional.empty();
        }
        return Optional.of(new Session(SessionId.of(f.get("id")), f.get("token"), f.get("csrf"),
                instant(f.get("created")), instant(f.get("seen")), instant(f.get("idle")), instant(f.get("absolute")),
                f.get("ip"), f.get("agent")));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            redis.failed(e);
            throw new SessionStoreException("the session store (redis) " + RedisFailures.reason(e)
                    + "; retry later", e);
        }
    }
}
