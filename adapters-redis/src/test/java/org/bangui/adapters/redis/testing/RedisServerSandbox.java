package org.bangui.adapters.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} (the Debian package, from PATH) on a free loopback port, with its own
 * directory and no persistence except what {@link #stop()} saves. Tests stop, restart, pause and resume it to
 * see how BanGUI behaves when Redis goes away. One per test class; {@link #close()} ends it.
 */
public final class RedisServerSandbox implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String password;
    private Process process;
    private boolean paused;

    private RedisServerSandbox(Path dir, int port, String password) {
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** Starts a server without a password. */
    public static RedisServerSandbox start() {
        return start(null);
    }

    /** Starts a server that requires {@code password} (none if null). */
    public static RedisServerSandbox start(String password) {
        try {
            RedisServerSandbox sandbox = new RedisServerSandbox(Files.createTempDirectory("bangui-redis-"), freePort(),
                    password);
            sandbox.startServer();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis://127.0.0.1:<port>}, with the password if there is one. */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the stopped server again on the same port; it loads what {@link #stop()} saved. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server is running");
        }
        startServer();
    }

    /** Saves the data set and stops the server (as an orderly Redis restart would), waiting until it is gone. */
    public void stop() {
        resume();
        try {
            command("SHUTDOWN", "SAVE");
        } catch (IOException expected) {
            // the server closes the connection as it exits
        }
        awaitExit();
    }

    /** Freezes the server with SIGSTOP: connections stay open and nothing answers. */
    public void pause() {
        signal("-STOP");
        paused = true;
    }

    /** Thaws a paused server with SIGCONT. */
    public void resume() {
        if (paused) {
            signal("-CONT");
            paused = false;
        }
    }

    /** Deletes every key. */
    public void flushAll() {
        try {
            command("FLUSHALL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            resume();
            process.destroyForcibly();
            awaitExit();
        }
    }

    private void startServer() {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--logfile",
                dir.resolve("redis.log").toString()));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (apt-get install redis-server)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                close();
                throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log"));
            }
            sleep(20);
        }
    }

    /** Sends one command (after AUTH if needed) on a fresh connection and returns the first reply line. */
    private String command(String... words) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(resp("AUTH", password));
                readLine(in);
            }
            out.write(resp(words));
            out.flush();
            return readLine(in);
        }
    }

    private static byte[] resp(String... words) {
        StringBuilder b = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            b.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(word).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        if (c == -1 && line.length() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString().trim();
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
