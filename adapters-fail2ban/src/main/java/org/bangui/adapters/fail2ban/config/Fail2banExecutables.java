package org.bangui.adapters.fail2ban.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds fail2ban's executables and the Python that runs them (from the client's {@code #!} line). */
final class Fail2banExecutables {

    private Fail2banExecutables() {
    }

    /** The real path of {@code command}: as given when it holds a {@code /}, else the first match on PATH. */
    static Optional<Path> resolve(String command) {
        if (command.contains("/")) {
            return real(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Optional<Path> found = real(Path.of(dir, command));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The interpreter named by a {@code #!/abs/python3} line; empty for {@code env} lines or anything else. */
    static Optional<String> pythonOf(Path script) {
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("#!")) {
                return Optional.empty();
            }
            String interpreter = first.substring(2).strip().split("\\s+")[0];
            return interpreter.startsWith("/") && Path.of(interpreter).getFileName().toString().startsWith("python")
                    && Files.isExecutable(Path.of(interpreter)) ? Optional.of(interpreter) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> real(Path candidate) {
        try {
            return Files.isExecutable(candidate) && Files.isRegularFile(candidate)
                    ? Optional.of(candidate.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
