package org.bangui.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's own files that tests check against each other: Docker/, Docs/, the poms. */
final class RepositoryFiles {

    private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| `(BANGUI_[A-Z0-9_]+)`");

    private RepositoryFiles() {
    }

    /** The repository root: the nearest directory, from the working directory up, that holds Docker/ and Docs/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("Docker")) && Files.isDirectory(dir.resolve("Docs"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above the working directory");
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every BANGUI_* setting that Docs/CONFIGURATION.md documents in a table row of its own. */
    static Set<String> documentedSettings() {
        Matcher rows = SETTING_ROW.matcher(read("Docs/CONFIGURATION.md"));
        TreeSet<String> names = new TreeSet<>();
        while (rows.find()) {
            names.add(rows.group(1));
        }
        return names;
    }
}
