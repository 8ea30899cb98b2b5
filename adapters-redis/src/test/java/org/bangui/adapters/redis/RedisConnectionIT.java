package org.bangui.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.bangui.adapters.redis.testing.RedisServerSandbox;
import org.bangui.domain.health.ProbeResult;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionStoreException;
import org.junit.jupiter.api.Test;

/** Passwords, the probe and outages at the connection level, against a real redis-server that requires a password. */
class RedisConnectionIT {

    private static final String PASSWORD = "s3cret-redis-pw-7f1d";

    @Test
    void connectsWithThePasswordFromTheUrlAndProbesUp() {
        try (RedisServerSandbox server = RedisServerSandbox.start(PASSWORD);
             RedisConnector redis = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()),
                     Duration.ofSeconds(1))) {
            assertThat(new RedisProbeAdapter(redis).probe()).isEqualTo(ProbeResult.up("answers"));
            assertThat(new RedisSessionAdapter(redis).findById(SessionId.of("0123456789abcdef0123456789abcdef")))
                    .isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() {
        try (RedisServerSandbox server = RedisServerSandbox.start(PASSWORD);
             RedisConnector redis = new RedisConnector(RedisUrl.parse("bangui.redis.url",
                     "redis://:wrong-" + PASSWORD + "@127.0.0.1:" + server.port()), Duration.ofSeconds(1))) {
            assertThat(new RedisProbeAdapter(redis).probe()).isEqualTo(ProbeResult.down("refused the credentials"));
            assertThatThrownBy(() -> new RedisSessionAdapter(redis).listActive(java.time.Instant.now()))
                    .isInstanceOf(SessionStoreException.class)
                    .satisfies(e -> assertThat(chain(e)).doesNotContain(PASSWORD));
        }
    }

    @Test
    void aStoppedOrPausedServerProbesDownWithAShortReasonAndUpWhenBack() {
        try (RedisServerSandbox server = RedisServerSandbox.start();
             RedisConnector redis = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()),
                     Duration.ofSeconds(1))) {
            RedisProbeAdapter probe = new RedisProbeAdapter(redis);
            assertThat(probe.probe().up()).isTrue();

            server.pause();
            assertThat(probe.probe()).isEqualTo(ProbeResult.down("did not answer in time"));
            server.resume();
            org.bangui.domain.contract.Eventually.await("the probe is up after SIGCONT", Duration.ofSeconds(15),
                    () -> probe.probe().up());
            server.stop();
            assertThat(probe.probe()).isEqualTo(ProbeResult.down("is not reachable"));
            server.restart();

            org.bangui.domain.contract.Eventually.await("the probe is up again", Duration.ofSeconds(15),
                    () -> probe.probe().up());
        }
    }

    @Test
    void aServerDownAtStartIsUsedOnceItComes() {
        RedisServerSandbox server = RedisServerSandbox.start();
        try (RedisConnector redis = new RedisConnector(RedisUrl.parse("bangui.redis.url", server.url()),
                Duration.ofSeconds(1))) {
            server.stop();
            assertThat(new RedisProbeAdapter(redis).probe().up()).isFalse();
            server.restart();
            assertThat(new RedisProbeAdapter(redis).probe().up()).isTrue();
        } finally {
            server.close();
        }
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (StackTraceElement element : t.getStackTrace()) {
                text.append(element).append('\n');
            }
        }
        return text.toString();
    }
}
