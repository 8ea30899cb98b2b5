package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigInvalidException;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.ReloadFailedException;
import org.bangui.domain.config.UnknownConfigException;
import org.bangui.domain.server.ServerUnavailableException;

/**
 * Checks, compiles, tests and reloads fail2ban's configuration with fail2ban's own tools: {@code fail2ban-client}
 * for the test and reloads, fail2ban's regex classes (a bundled script run by the client's Python) for
 * compiling, {@code fail2ban-regex} for filter tests. A single-jail reload uses {@code reload --if-exists J},
 * which also starts a jail the server has stopped or dropped ({@code reload J} answers "does not exist" then).
 */
public final class Fail2banConfigCheckAdapter implements ConfigCheckPort {

    private static final String COMPILE_SCRIPT = "compile-regexes.py";

    private final String client;
    private final String regexTool;
    private final String python;
    private final Path configDir;
    private final Path socket;
    private final Duration commandTimeout;
    private final Duration filterTestTimeout;
    private final ToolOutputMessages messages;
    private final String compileScript;

    /**
     * @param client the {@code fail2ban-client} executable: a path, or a name looked up on {@code PATH}
     * @param configDir fail2ban's configuration directory
     * @param socket the server's socket
     * @param commandTimeout limit for a test, compile or reload (reloads of many jails take seconds)
     * @param filterTestTimeout limit for one filter test (a catastrophic regex runs until killed)
     */
    public Fail2banConfigCheckAdapter(String client, Path configDir, Path socket, Duration commandTimeout,
                               Duration filterTestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.configDir = configDir.toAbsolutePath().normalize();
        this.socket = Objects.requireNonNull(socket, "socket");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.filterTestTimeout = Objects.requireNonNull(filterTestTimeout, "filterTestTimeout");
        Optional<Path> resolved = Fail2banExecutables.resolve(client);
        this.regexTool = resolved.map(p -> p.resolveSibling("fail2ban-regex").toString())
                .filter(p -> Files.isExecutable(Path.of(p))).orElse("fail2ban-regex");
        this.python = resolved.flatMap(Fail2banExecutables::pythonOf).orElse("/usr/bin/python3");
        this.messages = new ToolOutputMessages(this.configDir);
        this.compileScript = resource(COMPILE_SCRIPT);
    }

    @Override
    public void test() {
        ConfigProcesses.Result result = run(List.of(client, "-c", configDir.toString(), "-t"), commandTimeout);
        if (result.timedOut()) {
            throw new ConfigInvalidException("the configuration test ran longer than "
                    + commandTimeout.toSeconds() + " s");
        }
        if (result.exitCode() != 0) {
            throw new ConfigInvalidException(messages.errors(result.output(), "the configuration test failed"));
        }
    }

    @Override
    public void compile(Optional<String> prefregex, List<String> failregex, List<String> ignoreregex) {
        String request = "{\"prefregex\":" + prefregex.map(CompileScriptJson::string).orElse("null")
                + ",\"failregex\":" + CompileScriptJson.array(failregex)
                + ",\"ignoreregex\":" + CompileScriptJson.array(ignoreregex) + "}";
        ConfigProcesses.Result result = run(List.of(python, "-I", "-c", compileScript),
                request.getBytes(StandardCharsets.UTF_8), commandTimeout);
        if (result.timedOut()) {
            throw new ConfigInvalidException("compiling the regexes ran longer than " + commandTimeout.toSeconds()
                    + " s");
        }
        String out = result.output().strip();
        if (result.exitCode() == 0 && out.endsWith("{\"ok\": true}")) {
            return;
        }
        Optional<String[]> failure = CompileScriptJson.compileFailure(out);
        if (failure.isEmpty()) {
            throw new ConfigUnreadableException("fail2ban's regex classes could not be run", null);
        }
        String[] f = failure.get();
        throw new ConfigInvalidException(f[0] + " '" + f[1] + "' does not compile: " + f[2]);
    }

    @Override
    public void reload(Optional<ConfigName> jail) {
        List<String> command = new ArrayList<>(List.of(client, "-c", configDir.toString(), "-s", socket.toString(),
                "reload"));
        jail.ifPresent(name -> command.addAll(List.of("--if-exists", name.value())));
        reload(command);
    }

    @Override
    public void restart(ConfigName jail) {
        reload(new ArrayList<>(List.of(client, "-c", configDir.toString(), "-s", socket.toString(), "reload",
                "--restart", "--if-exists", jail.value())));
    }

    private void reload(List<String> command) {
        ConfigProcesses.Result result = run(command, commandTimeout);
        if (result.timedOut()) {
            throw new ServerUnavailableException("the reload did not finish within " + commandTimeout.toSeconds()
                    + " s; its outcome is unknown", null);
        }
        String errors = messages.errors(result.output(), "");
        if (result.exitCode() != 0 || !errors.isEmpty()) {
            throw new ReloadFailedException(errors.isEmpty() ? "fail2ban-client reported a failure" : errors);
        }
    }

    @Override
    public List<LineMatch> testFilter(FilterTest test) {
        FilterTestRun.checkLines(test.lines());
        Optional<ConfigName> named = test.filter().map(FilterTestRun::filterName);
        named.ifPresent(this::requireFilter);
        try (PrivateTempDir temp = new PrivateTempDir()) {
            Path lines = Files.writeString(temp.path().resolve("lines.log"), String.join("\n", test.lines()) + "\n");
            List<String> command = new ArrayList<>(List.of(regexTool, "--usedns=no", "-o",
                    FilterTestRun.OUTPUT_FORMAT));
            if (named.isPresent()) {
                command.addAll(List.of("-c", configDir.toString(), lines.toString(), test.filter().get()));
            } else {
                Path filter = Files.writeString(temp.path().resolve("adhoc.conf"), FilterTestRun.adHocFilter(test));
                command.addAll(List.of(lines.toString(), filter.toString()));
            }
            ConfigProcesses.Result result = run(command, filterTestTimeout);
            if (result.timedOut()) {
                throw new ConfigInvalidException("the filter test ran longer than "
                        + filterTestTimeout.toMillis() + " ms and was stopped (a regex that backtracks?)");
            }
            if (result.exitCode() != 0) {
                String output = result.output().replace(temp.path() + "/", "");
                throw new ConfigInvalidException(messages.errors(output, "fail2ban-regex refused the filter"));
            }
            return FilterTestRun.matches(test.lines(), result.output());
        } catch (IOException e) {
            throw new ConfigUnreadableException("cannot write the filter test's files", e);
        }
    }

    private void requireFilter(ConfigName name) {
        Path dir = configDir.resolve(ConfigKind.FILTER.directory());
        if (!Files.isRegularFile(dir.resolve(name.value() + ".conf"))
                && !Files.isRegularFile(dir.resolve(name.value() + ".local"))) {
            throw new UnknownConfigException(ConfigKind.FILTER, name);
        }
    }

    private ConfigProcesses.Result run(List<String> command, Duration timeout) {
        return run(command, new byte[0], timeout);
    }

    private ConfigProcesses.Result run(List<String> command, byte[] input, Duration timeout) {
        try {
            return ConfigProcesses.run(command, input, timeout);
        } catch (UncheckedIOException e) {
            throw new ConfigUnreadableException("fail2ban's tools cannot be run", e);
        } catch (IllegalStateException interrupted) {
            throw new ConfigUnreadableException("interrupted while fail2ban's tools ran", interrupted);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Fail2banConfigCheckAdapter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
