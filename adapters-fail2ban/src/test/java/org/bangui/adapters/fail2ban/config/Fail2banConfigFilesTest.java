package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.FileChange;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fail2banConfigFilesTest {

    @TempDir
    Path dir;

    private Path conf() throws IOException {
        return Files.createDirectories(dir.resolve("conf"));
    }

    private static ConfigEdit edit(String file, String section, String key, String value) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(key, value);
        return new ConfigEdit(ConfigFile.of(file), section, changes);
    }

    @Test
    void createsAMissingFileAndItsDirectoryWithReadableModes() throws IOException {
        Path conf = conf();
        FileChange change = new Fail2banConfigFilesAdapter(conf)
                .apply(edit("jail.d/sshd.local", "sshd", "enabled", "true"));
        assertThat(change.before()).isEmpty();
        assertThat(Files.readString(conf.resolve("jail.d/sshd.local"))).isEqualTo("[sshd]\nenabled = true\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf.resolve("jail.d/sshd.local"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf.resolve("jail.d"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void keepsTheModeOfAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path conf = conf();
        Path file = conf.resolve("jail.local");
        byte[] before = "[sshd]\r\nenabled = false\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        FileChange change = new Fail2banConfigFilesAdapter(conf).apply(edit("jail.local", "sshd", "enabled", "true"));
        assertThat(change.before()).hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
        assertThat(Files.readString(file)).isEqualTo("[sshd]\r\nenabled = true\r\n");
        byte[] written = Files.readAllBytes(file);
        assertThat(change.after()).hasValueSatisfying(b -> assertThat(b).isEqualTo(written));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(conf)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("jail.local");
        }
    }

    @Test
    void editsTheTargetOfASymlinkInsideTheConfigDirAndKeepsTheLink() throws IOException {
        Path conf = conf();
        Files.writeString(conf.resolve("real.local"), "[sshd]\nenabled = false\n");
        Files.createSymbolicLink(conf.resolve("jail.local"), Path.of("real.local"));
        new Fail2banConfigFilesAdapter(conf).apply(edit("jail.local", "sshd", "enabled", "true"));
        assertThat(Files.isSymbolicLink(conf.resolve("jail.local"))).isTrue();
        assertThat(Files.readString(conf.resolve("real.local"))).isEqualTo("[sshd]\nenabled = true\n");
    }

    @Test
    void refusesAFileSymlinkedOutsideTheConfigDir() throws IOException {
        Path conf = conf();
        Path outside = Files.writeString(dir.resolve("victim"), "[sshd]\n");
        Files.createSymbolicLink(conf.resolve("jail.local"), outside);
        assertRefusedAsInvalidFile(conf, "jail.local");
        Files.createSymbolicLink(conf.resolve("dangling.local"), dir.resolve("nothing"));
        assertRefusedAsInvalidFile(conf, "dangling.local");
        assertThat(Files.readString(outside)).isEqualTo("[sshd]\n");
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void refusesADirectorySymlinkedOutsideTheConfigDir() throws IOException {
        Path conf = conf();
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(conf.resolve("jail.d"), outside);
        assertRefusedAsInvalidFile(conf, "jail.d/sshd.local");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesSomethingThatIsNotARegularFile() throws IOException {
        Path conf = conf();
        Files.createDirectories(conf.resolve("jail.local"));
        assertRefusedAsInvalidFile(conf, "jail.local");
    }

    private static void assertRefusedAsInvalidFile(Path conf, String file) {
        assertThatThrownBy(() -> new Fail2banConfigFilesAdapter(conf).apply(edit(file, "sshd", "enabled", "true")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_file");
                    assertThat(e.getMessage()).doesNotContain("/");
                });
    }

    @Test
    void refusesToEditAFileLargerThanOneMebibyte() throws IOException {
        Path conf = conf();
        Files.writeString(conf.resolve("jail.local"), "[sshd]\n" + "#".repeat(1024 * 1024) + "\n");
        assertThatThrownBy(() -> new Fail2banConfigFilesAdapter(conf).apply(edit("jail.local", "sshd", "a", "1")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("file_too_large"));
    }

    @Test
    void refusesToEditAFileThatIsNotUtf8AndLeavesIt() throws IOException {
        Path conf = conf();
        byte[] latin1 = "[sshd]\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(conf.resolve("jail.local"), latin1);
        assertThatThrownBy(() -> new Fail2banConfigFilesAdapter(conf).apply(edit("jail.local", "sshd", "a", "1")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("file_not_utf8"));
        assertThat(Files.readAllBytes(conf.resolve("jail.local"))).isEqualTo(latin1);
    }

    @Test
    void writesAndDeletesWholeFilesForRollbacks() throws IOException {
        Path conf = conf();
        Fail2banConfigFilesAdapter files = new Fail2banConfigFilesAdapter(conf);
        FileChange created = files.write(ConfigFile.of("jail.d/a.local"),
                Optional.of("x\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(created.before()).isEmpty();
        assertThat(files.read(ConfigFile.of("jail.d/a.local")))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo("x\n".getBytes(StandardCharsets.UTF_8)));
        FileChange deleted = files.write(ConfigFile.of("jail.d/a.local"), Optional.empty());
        assertThat(deleted.before()).isPresent();
        assertThat(conf.resolve("jail.d/a.local")).doesNotExist();
        assertThat(files.read(ConfigFile.of("jail.d/a.local"))).isEmpty();
        assertThatThrownBy(() -> files.write(ConfigFile.of("jail.conf"), Optional.of(new byte[] {1})))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_file"));
        assertThat(files.read(ConfigFile.of("nope.d/x.conf"))).isEmpty();
    }

    @Test
    void readsAValueInjectionBackAsOneValueNotAsANewSection() throws IOException {
        Path conf = conf();
        Fail2banConfigFilesAdapter files = new Fail2banConfigFilesAdapter(conf);
        assertThatThrownBy(() -> files.apply(edit("jail.local", "sshd", "enabled", "\n[sshd]\nenabled=false")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(conf.resolve("jail.local")).doesNotExist();
        files.apply(new ConfigEdit(ConfigFile.of("jail.local"), "sshd", Map.of("port", "22\nfoo = bar")));
        assertThat(LocalFileLayout.parse(Files.readString(conf.resolve("jail.local"))))
                .extracting(LocalFileLayout.Line::kind)
                .containsExactly(LocalFileLayout.Kind.HEADER, LocalFileLayout.Kind.KEY,
                        LocalFileLayout.Kind.CONTINUATION);
    }
}
