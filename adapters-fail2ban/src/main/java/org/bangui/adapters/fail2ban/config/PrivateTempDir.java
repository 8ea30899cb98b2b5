package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory only this process's user can enter (mode 0700), deleted with its files on close. */
final class PrivateTempDir implements AutoCloseable {

    private final Path dir;

    PrivateTempDir() throws IOException {
        this.dir = Files.createTempDirectory("bangui-filtertest-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException leftBehind) {
            // a private directory left behind holds only one test's lines; nothing to report to the caller
        }
    }
}
