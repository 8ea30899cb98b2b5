package org.bangui.adapters.fail2ban.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.domain.server.ServerUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framing and deadlines against a scripted peer on a unix socket: replies split into small chunks, a peer
 * that never answers, a peer that hangs up.
 */
class Fail2banClientFramingTest {

    @TempDir
    Path dir;

    /** Accepts connections; for each request reads up to the end marker, then runs {@code reply}. */
    private Thread peer(Path socket, PeerScript reply) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            try (server) {
                while (true) {
                    try (SocketChannel connection = server.accept()) {
                        ByteBuffer in = ByteBuffer.allocate(1 << 16);
                        while (connection.isOpen() && connection.read(in) >= 0) {
                            if (Fail2banCodec.isComplete(in.array(), in.position())) {
                                in.clear();
                                reply.answer(connection);
                            }
                        }
                    } catch (IOException connectionEnded) {
                        // the script closed it, or the client hung up: accept the next one
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException stopped) {
                // test over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface PeerScript {
        void answer(SocketChannel connection) throws IOException, InterruptedException;
    }

    @Test
    void readsReplyDeliveredInManySmallChunks() throws Exception {
        Path socket = dir.resolve("chunks.sock");
        byte[] reply = Fail2banCodecTest.capture("banip_blocklist_with_time");
        peer(socket, connection -> {
            for (int from = 0; from < reply.length; from += 4093) {
                connection.write(ByteBuffer.wrap(reply, from, Math.min(4093, reply.length - from)));
                if (from % (4093 * 8) == 0) {
                    Thread.sleep(2);
                }
            }
        });
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            assertThat((List<?>) client.send("get", "blocklist", "banip", "--with-time")).hasSize(1500);
        }
    }

    @Test
    void givesUpWhenPeerDoesNotAnswerInTime() throws Exception {
        Path socket = dir.resolve("silent.sock");
        peer(socket, connection -> { });
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send("ping")).isInstanceOf(ServerUnavailableException.class)
                    .hasMessageContaining("no answer in time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void retriesOnceOnFreshConnectionWhenKeptConnectionWasCut() throws Exception {
        Path socket = dir.resolve("cut.sock");
        byte[] pong = Fail2banCodecTest.capture("ping");
        AtomicInteger answered = new AtomicInteger();
        peer(socket, connection -> {
            if (answered.getAndIncrement() == 1) {
                connection.close(); // second request: hang up as a restarting server does
                return;
            }
            connection.write(ByteBuffer.wrap(pong));
        });
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            assertThat(client.send("ping")).isEqualTo("pong");
            assertThat(client.send("ping")).isEqualTo("pong");
        }
    }

    @Test
    void tellsTheObserverEachCommandsVerbAndHowItEnded() throws Exception {
        Path socket = dir.resolve("observed.sock");
        byte[] pong = Fail2banCodecTest.capture("ping");
        peer(socket, connection -> connection.write(ByteBuffer.wrap(pong)));
        List<String> seen = new ArrayList<>();
        CommandObserver observer = (verb, took, error) -> seen.add(verb + " " + error.orElse("ok") + " "
                + took.isNegative());
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofSeconds(2), 1,
                observer)) {
            assertThat(client.send("ping")).isEqualTo("pong");
        }
        try (Fail2banClient client = new Fail2banClient(dir.resolve("absent.sock"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, observer)) {
            assertThatThrownBy(() -> client.sendChange("set", "sshd", "banip", "192.0.2.1"))
                    .isInstanceOf(ServerUnavailableException.class);
            assertThatThrownBy(() -> client.send("status", "sshd")).isInstanceOf(ServerUnavailableException.class);
        }
        assertThat(seen).containsExactly("ping ok false", "set.banip unavailable false", "status unavailable false");
    }

    @Test
    void reportsUnavailableWhenSocketIsMissing() {
        try (Fail2banClient client = new Fail2banClient(dir.resolve("absent.sock"), Duration.ofSeconds(1),
                Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> client.send("ping")).isInstanceOf(ServerUnavailableException.class);
        }
    }

    @Test
    void aChangeWhoseReplyComesLateIsReportedPendingAndItsLateReplyIsDelivered() throws Exception {
        Path socket = dir.resolve("late.sock");
        byte[] two = Fail2banCodecTest.capture("banip_two");
        CountDownLatch timedOut = new CountDownLatch(1);
        peer(socket, connection -> {
            timedOut.await(); // answer only once the client has given up waiting
            connection.write(ByteBuffer.wrap(two));
        });
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofMillis(300))) {
            ReplyPendingException pending = catchThrowableOfType(
                    () -> client.sendChange("set", "sshd", "banip", "192.0.2.1"), ReplyPendingException.class);
            assertThat(pending).as("the command reached the peer, so its outcome is pending").isNotNull();
            assertThat(pending.lateReply()).isNotDone();
            timedOut.countDown();
            assertThat(pending.lateReply().get(5, TimeUnit.SECONDS)).isEqualTo(Fail2banCodec.decode(two, two.length))
                    .isEqualTo(2);
        }
    }

    @Test
    void aChangeIsNeverResentOnceTheConnectionBrokeAfterSendingIt() throws Exception {
        Path socket = dir.resolve("cut-change.sock");
        byte[] pong = Fail2banCodecTest.capture("ping");
        AtomicInteger requests = new AtomicInteger();
        peer(socket, connection -> {
            if (requests.incrementAndGet() == 2) {
                connection.close(); // took the command, then went away without a word
                return;
            }
            connection.write(ByteBuffer.wrap(pong));
        });
        try (Fail2banClient client = new Fail2banClient(socket, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            assertThat(client.send("ping")).isEqualTo("pong");
            ReplyPendingException pending = catchThrowableOfType(
                    () -> client.sendChange("set", "sshd", "banip", "192.0.2.1"), ReplyPendingException.class);
            assertThat(pending).isNotNull();
            assertThat(pending.lateReply()).isCompletedExceptionally();
            assertThat(client.send("ping")).isEqualTo("pong");
            assertThat(requests.get()).as("ping, the change once, ping").isEqualTo(3);
        }
    }

    @Test
    void aChangeThatCannotBeSentIsPlainlyUnavailable() {
        try (Fail2banClient client = new Fail2banClient(dir.resolve("absent.sock"), Duration.ofSeconds(1),
                Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> client.sendChange("set", "sshd", "banip", "192.0.2.1"))
                    .isInstanceOf(ServerUnavailableException.class)
                    .hasMessageNotContaining(dir.toString());
        }
    }
}
