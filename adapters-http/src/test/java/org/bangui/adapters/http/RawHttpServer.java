package org.bangui.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that misbehaves on the socket level, which no HTTP server library does on request:
 * {@code /stall} sends half a body and goes silent, {@code /drip-body} and {@code /drip-head} send a byte every
 * 50 ms forever (until the client hangs up).
 */
final class RawHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-test-server");
        t.setDaemon(true);
        return t;
    });

    RawHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream();
             OutputStream out = connection.getOutputStream()) {
            String head = readHead(in);
            if (head.startsWith("GET /stall ")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n1.2.3.4\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.read(); // silent until the client hangs up
            } else if (head.startsWith("GET /drip-body ")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                drip(out, (byte) '#');
            } else {
                out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                drip(out, (byte) 'a');
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: that is how every misbehaviour here ends
        }
    }

    private static void drip(OutputStream out, byte b) throws IOException, InterruptedException {
        while (true) {
            out.write(b);
            out.flush();
            Thread.sleep(50);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
