package org.bangui.adapters.fail2ban.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs fail2ban's tools as child processes: an argument list (never a shell), stdin fed then closed, stdout and
 * stderr captured together up to {@link #MAX_OUTPUT} bytes, and a time limit after which the process and its
 * children are killed.
 */
final class ConfigProcesses {

    /** Output kept per run; the rest is read and dropped so the child never blocks on a full pipe. */
    static final int MAX_OUTPUT = 64 * 1024;

    /**
     * What a run produced.
     *
     * @param exitCode the exit code; -1 when it was killed
     * @param output stdout and stderr, interleaved, at most {@link #MAX_OUTPUT} bytes, as UTF-8
     * @param timedOut whether it ran past its limit and was killed
     */
    record Result(int exitCode, String output, boolean timedOut) {
    }

    private ConfigProcesses() {
    }

    /** Runs {@code command} with {@code stdin} as its input. */
    static Result run(List<String> command, byte[] stdin, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream(), output), "bangui-config-process");
        reader.setDaemon(true);
        reader.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException exitedEarly) {
                // the tool did not read its input; its exit code and output say why
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
            synchronized (output) {
                return new Result(finished ? process.exitValue() : -1, output.toString(StandardCharsets.UTF_8),
                        !finished);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream output) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (output) {
                    output.write(buffer, 0, Math.max(0, Math.min(n, MAX_OUTPUT - output.size())));
                }
            }
        } catch (IOException closed) {
            // the process was killed: what was read so far is kept
        }
    }
}
