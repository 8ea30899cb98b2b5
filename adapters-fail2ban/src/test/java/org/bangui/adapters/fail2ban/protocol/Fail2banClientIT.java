package org.bangui.adapters.fail2ban.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.domain.server.ServerUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket client against a real private fail2ban-server. */
class Fail2banClientIT {

    @TempDir
    static Path dir;
    static Fail2banSandbox sandbox;

    @BeforeAll
    static void startServer() {
        sandbox = Fail2banSandbox.start(dir);
    }

    @AfterAll
    static void stopServer() {
        sandbox.close();
    }

    private static Fail2banClient client() {
        return new Fail2banClient(sandbox.socket(), Duration.ofSeconds(1), Duration.ofSeconds(5), 4);
    }

    @Test
    void answersPingAndVersionOnOneConnection() {
        try (Fail2banClient client = client()) {
            assertThat(client.send("ping")).isEqualTo("pong");
            assertThat(client.send("version")).isEqualTo("1.0.2");
            assertThat(client.send("get", "dbpurgeage")).isEqualTo(86400);
        }
    }

    @Test
    void turnsServerSideFailuresIntoTypedErrors() {
        try (Fail2banClient client = client()) {
            assertThatThrownBy(() -> client.send("status", "nosuchjail", "short"))
                    .isInstanceOfSatisfying(Fail2banErrorReply.class, e -> assertThat(e.isUnknownJail()).isTrue());
            assertThatThrownBy(() -> client.send("stats")).isInstanceOf(Fail2banErrorReply.class);
            // the connection stays usable after error replies
            assertThat(client.send("ping")).isEqualTo("pong");
        }
    }

    @Test
    void servesConcurrentCallersOverItsKeptConnections() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (Fail2banClient client = client()) {
            List<Future<Object>> replies = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String jail = Fail2banSandbox.JAILS.get(i % 3);
                replies.add(pool.submit(() -> client.send("get", jail, "maxretry")));
            }
            for (Future<Object> reply : replies) {
                assertThat(reply.get()).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyKeptConnectionRecoversAfterServerRestart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Fail2banClient client = client()) {
            List<Future<Object>> before = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                before.add(pool.submit(() -> client.send("ping")));
            }
            for (Future<Object> reply : before) {
                assertThat(reply.get()).isEqualTo("pong");
            }
            sandbox.restart();
            List<Future<Object>> after = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                after.add(pool.submit(() -> client.send("ping")));
            }
            for (Future<Object> reply : after) {
                assertThat(reply.get()).isEqualTo("pong");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reconnectsAfterServerRestart() {
        try (Fail2banClient client = client()) {
            assertThat(client.send("ping")).isEqualTo("pong");
            sandbox.restart();
            assertThat(client.send("ping")).isEqualTo("pong");
        }
    }

    @Test
    void reportsUnavailableWhileServerIsDownAndRecoversWhenItIsBack() {
        try (Fail2banClient client = client()) {
            assertThat(client.send("ping")).isEqualTo("pong");
            sandbox.stop();
            try {
                assertThatThrownBy(() -> client.send("ping")).isInstanceOf(ServerUnavailableException.class);
            } finally {
                sandbox.restart();
            }
            assertThat(client.send("ping")).isEqualTo("pong");
        }
    }
}
