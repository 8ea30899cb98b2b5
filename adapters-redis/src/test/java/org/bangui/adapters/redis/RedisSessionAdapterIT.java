package org.bangui.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.contract.Eventually;
import org.bangui.domain.contract.SessionPortContract;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.session.SessionStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis session store keeps the contract on a real redis-server, and survives it going away. */
class RedisSessionAdapterIT extends SessionPortContract {

    private static RedisServerSandbox server;
    private static RedisConnector connector;

    @BeforeAll
    static void start() {
        server = RedisServerSandbox.start();
        connector = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        connector.close();
        server.close();
    }

    @Override
    protected SessionPort emptyStore() {
        server.flushAll();
        return new RedisSessionAdapter(connector);
    }

    @Test
    void redisDropsASessionAtItsEndAndATouchMovesTheEnd() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Session shortLived = session(now, now.plusMillis(400), now.plus(Duration.ofHours(1)));
        Session touched = session(now, now.plusMillis(400), now.plus(Duration.ofHours(1)));
        sessions.create(shortLived);
        sessions.create(touched);
        sessions.touch(touched.id(), now, now.plus(Duration.ofMinutes(5)));

        Eventually.await("redis dropped the session", Duration.ofSeconds(10),
                () -> sessions.findById(shortLived.id()).isEmpty());
        assertThat(sessions.findByTokenHash(shortLived.tokenHash())).isEmpty();
        assertThat(sessions.findByTokenHash(touched.tokenHash())).isPresent();
        assertThat(sessions.deleteExpired(now.plusSeconds(1))).isEmpty();
        assertThat(sessions.listActive(now)).extracting(Session::id).containsExactly(touched.id());
    }

    @Test
    void aPausedOrStoppedRedisIsAStoreFailureAndTheSessionWorksWhenItReturns() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Session session = session(now, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(1)));
        sessions.create(session);

        server.pause();
        try {
            assertThatThrownBy(() -> sessions.findByTokenHash(session.tokenHash()))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessage("the session store (redis) did not answer in time; retry later")
                    .extracting(e -> ((SessionStoreException) e).code()).isEqualTo("session_store_unavailable");
        } finally {
            server.resume();
        }
        Eventually.await("answers after SIGCONT", Duration.ofSeconds(10),
                () -> answers(() -> sessions.findByTokenHash(session.tokenHash()).isPresent()));

        server.stop();
        assertThatThrownBy(() -> sessions.findById(session.id())).isInstanceOf(SessionStoreException.class);
        server.restart();
        Eventually.await("answers after a restart", Duration.ofSeconds(15),
                () -> answers(() -> sessions.findByTokenHash(session.tokenHash()).isPresent()));
    }

    private static boolean answers(java.util.function.BooleanSupplier call) {
        try {
            return call.getAsBoolean();
        } catch (SessionStoreException notYet) {
            return false;
        }
    }
}
