package org.bangui.bootstrap;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A unix-socket proxy in front of fail2ban that can stall fail2ban right after it received a chosen command:
 * when {@link #stallAfter} is armed and a matching request has been forwarded, the proxy runs the
 * stall action (the test freezes fail2ban with SIGSTOP) and holds back every reply on that connection until
 * {@link #release()}. Everything else passes through unchanged.
 */
final class StallingProxy implements AutoCloseable {

    private static final byte[] END = "<F2B_END_COMMAND>".getBytes(StandardCharsets.US_ASCII);

    private final Path socket;
    private final Path target;
    private final ServerSocketChannel server;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private record Armed(java.util.function.Predicate<String> request, Runnable stall) {
    }

    StallingProxy(Path socket, Path target) {
        this.socket = socket;
        this.target = target;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + socket, e);
        }
        daemon(this::accept, "stalling-proxy");
    }

    Path socket() {
        return socket;
    }

    /**
     * The next request that matches (its pickled bytes, read as Latin-1) is forwarded, then {@code stall} runs
     * and replies on that connection wait for {@link #release()}.
     */
    void stallAfter(java.util.function.Predicate<String> request, Runnable stall) {
        gate = new CountDownLatch(1);
        armed.set(new Armed(request, stall));
    }

    /** Lets held replies through; the test resumes fail2ban first. */
    void release() {
        armed.set(null);
        gate.countDown();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                CountDownLatch[] held = {null};
                daemon(() -> requests(client, upstream, held), "stalling-proxy-requests");
                daemon(() -> replies(upstream, client, held), "stalling-proxy-replies");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void requests(SocketChannel client, SocketChannel upstream, CountDownLatch[] held) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (client; upstream) {
            while (client.read(buffer) >= 0) {
                if (!endsWithMarker(buffer)) {
                    continue;
                }
                buffer.flip();
                String request = StandardCharsets.ISO_8859_1.decode(buffer.duplicate()).toString();
                Armed stall = armed.get();
                boolean matched = stall != null && stall.request().test(request) && armed.compareAndSet(stall, null);
                if (matched) {
                    // hold replies before forwarding: fail2ban may answer before the stall action has run
                    synchronized (held) {
                        held[0] = gate;
                    }
                }
                while (buffer.hasRemaining()) {
                    upstream.write(buffer);
                }
                buffer.clear();
                if (matched) {
                    stall.stall().run();
                }
            }
        } catch (IOException ended) {
            // either side hung up
        }
    }

    private static void replies(SocketChannel upstream, SocketChannel client, CountDownLatch[] held) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        try (upstream; client) {
            while (upstream.read(buffer) >= 0) {
                CountDownLatch wait;
                synchronized (held) {
                    wait = held[0];
                }
                if (wait != null) {
                    wait.await();
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException | InterruptedException ended) {
            // either side hung up
        }
    }

    private static boolean endsWithMarker(ByteBuffer buffer) {
        int end = buffer.position();
        if (end < END.length) {
            return false;
        }
        for (int i = 0; i < END.length; i++) {
            if (buffer.get(end - END.length + i) != END[i]) {
                return false;
            }
        }
        return true;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        release();
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
