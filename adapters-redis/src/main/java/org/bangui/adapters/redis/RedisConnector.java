package org.bangui.adapters.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One shared Lettuce connection to Redis, opened on first use so that BanGUI starts while Redis is down. Every
 * command and the connect are bounded by {@code timeout}; while the connection is down commands are refused at
 * once instead of queued, and Lettuce reconnects in the background (at most a second apart), so service
 * resumes when Redis returns, without a restart. After a command timed out, further commands fail at once for
 * one timeout (see {@link #failed}).
 */
public final class RedisConnector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisConnector.class.getName());

    private final RedisURI uri;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private volatile long unresponsiveUntil = System.nanoTime();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private StatefulRedisPubSubConnection<String, String> pubSub;
    private long nextSubscribeAttempt = System.nanoTime();

    /**
     * @param url a {@code redis://} or {@code rediss://} URL, checked by the caller (see {@link RedisUrl})
     * @param timeout the bound of every command and of the connect
     */
    public RedisConnector(RedisUrl url, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.uri = url.toRedisUri();
        this.uri.setTimeout(timeout);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /**
     * The synchronous commands of the shared connection, connecting first if needed.
     *
     * @throws io.lettuce.core.RedisException if Redis cannot be reached
     */
    public synchronized RedisCommands<String, String> commands() {
        if (System.nanoTime() - unresponsiveUntil < 0) {
            throw new StillUnresponsive();
        }
        if (connection == null) {
            connection = client.connect();
        }
        subscribeIfDue();
        return connection.sync();
    }

    /**
     * Delivers every message published on {@code channel} to {@code listener}, on Lettuce's thread. The
     * subscription opens with the next command (Redis may be down now) and Lettuce renews it after a reconnect.
     */
    public synchronized void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        if (pubSub != null) {
            try {
                pubSub.sync().subscribe(channel);
            } catch (RedisException e) {
                LOG.log(System.Logger.Level.WARNING, "redis_subscription_failed reason=" + RedisFailures.reason(e));
            }
        }
    }

    /** Opens the subscription connection once listeners exist; retried at most once a second while it fails. */
    private void subscribeIfDue() {
        if (pubSub != null || listeners.isEmpty() || System.nanoTime() - nextSubscribeAttempt < 0) {
            return;
        }
        nextSubscribeAttempt = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        StatefulRedisPubSubConnection<String, String> opened = null;
        try {
            opened = client.connectPubSub();
            opened.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
                        listener.accept(message);
                    }
                }
            });
            opened.sync().subscribe(listeners.keySet().toArray(String[]::new));
            pubSub = opened;
        } catch (RedisException e) {
            if (opened != null) {
                opened.closeAsync();
            }
            LOG.log(System.Logger.Level.WARNING, "redis_subscription_failed reason=" + RedisFailures.reason(e));
        }
    }

    /**
     * Records a failed command. After a timeout, commands fail at once for one more timeout instead of each
     * waiting for it: a frozen Redis then costs a request one timeout, not one per command it needs.
     */
    public void failed(RedisException e) {
        if (e instanceof RedisCommandTimeoutException && !(e instanceof StillUnresponsive)) {
            unresponsiveUntil = System.nanoTime() + timeout.toNanos();
        }
    }

    /** The bound of every command. */
    public Duration timeout() {
        return timeout;
    }

    /** A command refused without trying, because the last one timed out less than a timeout ago. */
    private static final class StillUnresponsive extends RedisCommandTimeoutException {

        private static final long serialVersionUID = 1L;

        StillUnresponsive() {
            super("redis did not answer a command within the timeout just now");
        }
    }

    @Override
    public synchronized void close() {
        if (pubSub != null) {
            pubSub.close();
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
