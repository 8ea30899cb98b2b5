package org.bangui.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that serves lists for the blocklist tests: one body per path, with an ETag
 * (answering 304 to a matching {@code If-None-Match}), an optional delay before the answer, or a fixed status.
 * It records every request it received, with its {@code If-None-Match}.
 */
final class ListServer implements AutoCloseable {

    /** One request as received. */
    record Hit(String path, String ifNoneMatch) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> gzipPaths = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> plainPaths = ConcurrentHashMap.newKeySet();

    ListServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code lines}, one per line, at {@code path}. */
    void serve(String path, String... lines) {
        serveBytes(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void serveBytes(String path, byte[] body) {
        gzipPaths.remove(path);
        bodies.put(path, body);
        statuses.remove(path);
    }

    /** Serves an already gzip-compressed body with {@code Content-Encoding: gzip}. */
    void serveGzip(String path, byte[] gzipped) {
        serveBytes(path, gzipped);
        gzipPaths.add(path);
    }

    /** Serves {@code path} without ETag: every request is answered 200 with the whole body. */
    void withoutValidators(String path) {
        plainPaths.add(path);
    }

    /** Answers {@code status} with a short body at {@code path}. */
    void fail(String path, int status) {
        statuses.put(path, status);
    }

    /** Waits {@code millis} before answering at {@code path}. */
    void delay(String path, long millis) {
        delays.put(path, millis);
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        hits.add(new Hit(path, ifNoneMatch));
        try (exchange) {
            Long delay = delays.get(path);
            if (delay != null) {
                Thread.sleep(delay);
            }
            Integer status = statuses.get(path);
            byte[] body = bodies.get(path);
            if (status != null || body == null) {
                if (status != null && status == 304) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] text = "no list here\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 404 : status, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8)
                    + "\"";
            if (!plainPaths.contains(path)) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            if (gzipPaths.contains(path)) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if (!plainPaths.contains(path) && etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
