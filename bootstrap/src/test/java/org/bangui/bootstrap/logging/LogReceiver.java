package org.bangui.bootstrap.logging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLContext;

/**
 * A real log receiver on loopback for the tests: a UDP socket (GELF datagrams, gzip/zlib or plain, or one
 * syslog message per datagram) or a TCP/TLS server (GELF frames ended by a NUL byte, or syslog frames with
 * octet counting). It keeps every message it got, as text.
 */
public final class LogReceiver implements AutoCloseable {

    /** How messages are delimited on a stream. */
    public enum Framing { NUL_TERMINATED, OCTET_COUNTING }

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final int port;

    private LogReceiver(int port) {
        this.port = port;
    }

    /** A UDP receiver on a free loopback port. */
    public static LogReceiver udp() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LogReceiver receiver = new LogReceiver(socket.getLocalPort());
            receiver.resources.add(socket);
            receiver.daemon(() -> {
                byte[] buffer = new byte[65536];
                while (!socket.isClosed()) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    receiver.messages.add(datagram(packet));
                }
            });
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP receiver on {@code port} (0: a free one), with TLS when {@code tls} is not null. */
    public static LogReceiver tcp(int port, Framing framing, SSLContext tls) {
        try {
            ServerSocket server = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            LogReceiver receiver = new LogReceiver(server.getLocalPort());
            receiver.resources.add(server);
            receiver.daemon(() -> {
                while (!server.isClosed()) {
                    Socket client = server.accept();
                    receiver.resources.add(client);
                    receiver.daemon(() -> receiver.read(client.getInputStream(), framing));
                }
            });
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Every message so far. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /**
     * The first message that matches, waiting for it up to {@code limit}.
     *
     * @throws AssertionError listing what was received if none arrived
     */
    public String await(Predicate<String> match, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            for (String message : messages) {
                if (match.test(message)) {
                    return message;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching message within " + limit + "; received:\n"
                + String.join("\n", messages));
    }

    private void read(InputStream in, Framing framing) throws IOException {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        if (framing == Framing.NUL_TERMINATED) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == 0) {
                    messages.add(current.toString(StandardCharsets.UTF_8));
                    current.reset();
                } else {
                    current.write(b);
                }
            }
            return;
        }
        while (true) {
            int length = 0;
            for (int b = in.read(); b != ' '; b = in.read()) {
                if (b < '0' || b > '9') {
                    return; // end of stream (or a broken frame: the test then misses the message)
                }
                length = length * 10 + (b - '0');
            }
            messages.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    private static String datagram(DatagramPacket packet) throws IOException {
        byte[] data = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getLength());
        if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return new String(new GZIPInputStream(new ByteArrayInputStream(data)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        if (data.length > 2 && (data[0] & 0xff) == 0x78) {
            return new String(new InflaterInputStream(new ByteArrayInputStream(data)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    private interface Work {
        void run() throws IOException;
    }

    private void daemon(Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException closed) {
                // the receiver or the client closed
            }
        }, "log-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(resources);
        for (AutoCloseable resource : all) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing a test receiver
            }
        }
    }
}
