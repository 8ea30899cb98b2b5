package org.bangui.adapters.fail2ban.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;

/**
 * A private fail2ban-server for tests: its own config dir (3 jails: sshd, nginx-http-auth, blocklist; actions
 * that do nothing; polling backend), socket, pid file, database and log, all below one directory. Started as a
 * child process in the foreground and stopped by its PID. Needs Debian's fail2ban package
 * ({@code scripts/test.sh} installs it).
 */
public final class Fail2banSandbox implements AutoCloseable {

    private static final String TEMPLATE = "/fail2ban-sandbox/";
    private static final List<String> TEMPLATE_FILES = List.of("fail2ban.local", "jail.conf",
            "action.d/bangui-noop.conf", "filter.d/bangui-blocklist.conf");
    private static final Path STOCK_CONFIG = Path.of("/etc/fail2ban");
    private static final DateTimeFormatter SYSLOG_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);

    /** The jails of the sandbox. */
    public static final List<String> JAILS = List.of("sshd", "nginx-http-auth", "blocklist");

    private final Path dir;
    private Process process;

    private Fail2banSandbox(Path dir) {
        this.dir = dir;
    }

    /** Writes the configuration below {@code dir} and starts the server; returns once it answers. */
    public static Fail2banSandbox start(Path dir) {
        Fail2banSandbox sandbox = new Fail2banSandbox(dir.toAbsolutePath());
        sandbox.writeConfiguration();
        sandbox.startServer();
        return sandbox;
    }

    public Path dir() {
        return dir;
    }

    public Path configDir() {
        return dir.resolve("conf");
    }

    public Path socket() {
        return dir.resolve("fail2ban.sock");
    }

    public Path database() {
        return dir.resolve("fail2ban.sqlite3");
    }

    /** The log file a jail of the sandbox watches. */
    public Path logFile(String jail) {
        return switch (jail) {
            case "sshd" -> dir.resolve("logs/auth.log");
            case "nginx-http-auth" -> dir.resolve("logs/nginx-error.log");
            case "blocklist" -> dir.resolve("logs/blocklist.log");
            default -> throw new IllegalArgumentException("the sandbox has no jail " + jail);
        };
    }

    /** Appends {@code count} sshd "Failed password" lines for {@code address}, stamped now. */
    public void appendSshdFailures(String address, int count) {
        StringBuilder lines = new StringBuilder();
        String now = LocalDateTime.now().format(SYSLOG_TIME);
        for (int i = 0; i < count; i++) {
            lines.append(now).append(" host sshd[4242]: Failed password for root from ").append(address)
                    .append(" port ").append(50000 + i).append(" ssh2\n");
        }
        try {
            Files.writeString(logFile("sshd"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code fail2ban-client} against this sandbox and returns its standard output. */
    public String client(String... args) {
        List<String> command = new ArrayList<>(List.of("fail2ban-client", "-c", configDir().toString(),
                "-s", socket().toString()));
        command.addAll(List.of(args));
        try {
            Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(20, TimeUnit.SECONDS) || client.exitValue() != 0) {
                throw new IllegalStateException("fail2ban-client " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True while the server process runs. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server with SIGTERM to its PID and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            signal("CONT"); // a paused server would not act on SIGTERM
        } catch (RuntimeException alreadyGone) {
            // exited on its own: nothing to wake
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Freezes the server with SIGSTOP, as a stalled fail2ban: connections are still accepted by the kernel
     * and commands are buffered, but nothing is answered until {@link #resume()}.
     */
    public void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} server run again with SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("fail2ban is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same configuration, socket and database. */
    public void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfiguration() {
        if (!Files.isRegularFile(STOCK_CONFIG.resolve("fail2ban.conf"))) {
            throw new IllegalStateException("fail2ban is not installed (no /etc/fail2ban/fail2ban.conf): "
                    + "run scripts/test.sh, which installs it");
        }
        try {
            Path conf = configDir();
            Files.createDirectories(conf);
            Files.createDirectories(dir.resolve("logs"));
            Files.copy(STOCK_CONFIG.resolve("fail2ban.conf"), conf.resolve("fail2ban.conf"));
            copyTree(STOCK_CONFIG.resolve("filter.d"), conf.resolve("filter.d"));
            copyTree(STOCK_CONFIG.resolve("action.d"), conf.resolve("action.d"));
            for (String name : TEMPLATE_FILES) {
                try (InputStream in = Fail2banSandbox.class.getResourceAsStream(TEMPLATE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing sandbox template " + name);
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("@DIR@", dir.toString());
                    Files.writeString(conf.resolve(name), text);
                }
            }
            for (String jail : JAILS) {
                Files.writeString(logFile(jail), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void startServer() {
        try {
            Process started = new ProcessBuilder("fail2ban-server", "-c", configDir().toString(), "-f", "-x",
                    "-s", socket().toString(), "-p", dir.resolve("fail2ban.pid").toString(),
                    "--logtarget", dir.resolve("fail2ban.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()))
                    .start();
            // a test that never reaches close() must not leave a server behind when the JVM ends
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
            process = started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fail2ban-server", e);
        }
        awaitReady(Duration.ofSeconds(15));
    }

    private void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Fail2banClient probe = new Fail2banClient(socket(), Duration.ofMillis(500), Duration.ofSeconds(2))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("fail2ban-server exited with " + process.exitValue()
                            + "; see " + dir.resolve("server.out") + " and fail2ban.log");
                }
                try {
                    for (String jail : JAILS) {
                        probe.send("status", jail, "short");
                    }
                    return; // every jail answers
                } catch (RuntimeException notYet) {
                    // socket not there yet, or a jail not started yet
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        throw new IllegalStateException("fail2ban-server did not answer within " + limit.toSeconds() + " s");
    }
}
