package org.bangui.bootstrap;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * BanGUI as an operator runs it: {@code java -jar target/bangui.jar} in its own process, configured by
 * environment variables, its log in a file. Tests that need a real SIGTERM, a kill -9 or two instances use
 * it; the jar exists because failsafe runs after the package phase.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/bangui.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI uri;
    private final Path log;
    /** Where this process's lines start in {@link #log}, which a restart appends to. */
    private final int offset;

    private ServiceProcess(Process process, URI uri, Path log, int offset) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.offset = offset;
    }

    /**
     * Starts the service with {@code env} added to this process's environment (text logs, loopback, a free
     * port unless {@code BANGUI_PORT} is given) and waits until it has completed its last start-up stage.
     *
     * @param log where its stdout and stderr go (appended, so a restart keeps the earlier lines)
     */
    static ServiceProcess start(Map<String, String> env, Path log) {
        ServiceProcess service = launch(env, log);
        service.awaitStarted(Duration.ofSeconds(60));
        return service;
    }

    /**
     * Starts the service like {@link #start} with these JVM options instead of the tests' own ({@code -Xmx256m
     * -XX:TieredStopAtLevel=1}): to run it as an image's entry point does.
     */
    static ServiceProcess start(List<String> jvmOptions, Map<String, String> env, Path log) {
        ServiceProcess service = launch(jvmOptions, env, log);
        service.awaitStarted(Duration.ofSeconds(60));
        return service;
    }

    /** Starts the service like {@link #start} but does not wait: for a start that is meant to fail. */
    static ServiceProcess launch(Map<String, String> env, Path log) {
        return launch(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), env, log);
    }

    private static ServiceProcess launch(List<String> jvmOptions, Map<String, String> env, Path log) {
        Map<String, String> settings = new HashMap<>(env);
        settings.putIfAbsent("BANGUI_PORT", Integer.toString(freePort()));
        settings.putIfAbsent("BANGUI_LOG_FORMAT", "text");
        settings.putIfAbsent("BANGUI_HOST", "127.0.0.1");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            int offset = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).length() : 0;
            return new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + settings.get("BANGUI_PORT")),
                    log, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the liveness probe and for the {@code tasks} stage, the last of the start-up stages. */
    private void awaitStarted(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " at start:\n" + logText());
            }
            if (logText().contains("startup_stage_completed stage=tasks") && live()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the service did not start within " + limit + ":\n" + logText());
    }

    private boolean live() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri.resolve("/api/v1/health/live")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Its base address. */
    URI uri() {
        return uri;
    }

    /** A client for it without a session. */
    Api api() {
        return new Api(uri, JsonMapper.createDefault());
    }

    /** Completes first-run setup with {@code token} and {@code password} and returns a logged-in client. */
    Api setUp(String token, String password) {
        Api anonymous = api();
        Api.Response setup = anonymous.post("/api/v1/setup",
                "{\"setupToken\":\"" + token + "\",\"password\":\"" + password + "\"}");
        if (setup.status() != 201) {
            throw new AssertionError("setup failed: " + setup);
        }
        return anonymous.login(password);
    }

    /** Its pid. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as systemd and Kubernetes do to stop it. */
    void terminate() {
        process.destroy();
    }

    /** kill -9: no shutdown hook, no flush, no clean-up. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Waits for the process to end; returns its exit code. */
    int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service did not exit within " + limit + ":\n" + logText());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Its log lines so far. */
    List<String> logLines() {
        return logText().lines().toList();
    }

    /** What this process has logged so far (not what an earlier process wrote to the same file). */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).substring(offset) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }
}
