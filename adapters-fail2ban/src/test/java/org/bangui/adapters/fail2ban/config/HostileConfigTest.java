package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.JailConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files never escape as exceptions and never lead the reader outside the config dir. */
class HostileConfigTest {

    @TempDir
    Path root;

    private Path dir() throws IOException {
        return Files.createDirectories(root.resolve("conf"));
    }

    private JailConfig jail(Path dir, String name) {
        return new Fail2banConfigReaderAdapter(dir).read().jail(ConfigName.of(name)).orElseThrow();
    }

    @Test
    void cutsIncludeLoopsAsFail2banDoes() throws IOException {
        Path dir = dir();
        Files.writeString(dir.resolve("a.conf"), "[INCLUDES]\nbefore = b.conf\n[DEFAULT]\nx = a\n");
        Files.writeString(dir.resolve("b.conf"), "[INCLUDES]\nbefore = a.conf\n        ./a.conf\n[DEFAULT]\ny = b\n");
        Files.writeString(dir.resolve("jail.conf"), "[INCLUDES]\nbefore = a.conf\n[j]\nbantime = %(x)s%(y)s\n");
        assertThat(jail(dir, "j").effective().orElseThrow().bantime()).isEqualTo("ab");
    }

    @Test
    void refusesIncludesOutsideTheDirByDotDotAndBySymlink() throws IOException {
        Path dir = dir();
        Files.writeString(root.resolve("secret.conf"), "[DEFAULT]\nsecret = s3cret\n");
        Files.writeString(dir.resolve("jail.conf"), "[INCLUDES]\nbefore = ../secret.conf\n[j]\nbantime = 1\n");
        JailConfig viaDots = jail(dir, "j");
        assertThat(viaDots.problem()).get().asString().contains("outside the config dir")
                .doesNotContain(root.toString());
        assertThat(viaDots.values()).doesNotContainKey("secret");

        Files.createSymbolicLink(dir.resolve("link.conf"), root.resolve("secret.conf"));
        Files.writeString(dir.resolve("jail.conf"), "[INCLUDES]\nbefore = link.conf\n[j]\nbantime = 1\n");
        JailConfig viaLink = jail(dir, "j");
        assertThat(viaLink.problem()).get().asString().contains("outside the config dir")
                .doesNotContain(root.toString());
        assertThat(viaLink.values()).doesNotContainKey("secret");
    }

    @Test
    void turnsBinaryGarbageAndBrokenSyntaxIntoProblems() throws IOException {
        Path dir = dir();
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.createDirectories(dir.resolve("filter.d"));
        Files.write(dir.resolve("filter.d/bin.conf"), garbage);
        Files.writeString(dir.resolve("filter.d/nohead.conf"), "failregex = x\n");
        Files.writeString(dir.resolve("filter.d/dup.conf"), "[Definition]\na = 1\na = 2\n");
        Files.writeString(dir.resolve("jail.conf"),
                "[a]\nfilter = bin\n[b]\nfilter = nohead\n[c]\nfilter = dup\n[d]\nfilter = ../../etc/passwd\n");
        for (String name : new String[] {"a", "b", "c", "d"}) {
            JailConfig jail = jail(dir, name);
            assertThat(jail.effective()).as(name).isEmpty();
            assertThat(jail.problem()).as(name).get().asString().doesNotContain(root.toString());
        }
    }

    @Test
    void refusesAHugeFileWithAProblem() throws IOException {
        Path dir = dir();
        String line = "[DEFAULT]\n" + "x = " + "y".repeat(1000) + "\n";
        Files.writeString(dir.resolve("jail.conf"), "[j]\nbantime = 1\n");
        Files.writeString(dir.resolve("jail.local"), line + "#".repeat((int) FileSource.MAX_FILE_BYTES));
        assertThat(jail(dir, "j").problem()).get().asString().contains("larger than");
    }

    @Test
    void survivesDeepInterpolationAndSelfReferencingTags() throws IOException {
        Path dir = dir();
        Files.createDirectories(dir.resolve("filter.d"));
        Files.writeString(dir.resolve("filter.d/loop.conf"), "[Definition]\nfailregex = <a>\na = <b>\nb = <a>\n");
        Files.writeString(dir.resolve("jail.conf"), "[j]\nbantime = %(bantime)s\n[k]\nfilter = loop\n");
        assertThat(jail(dir, "j").problem()).isPresent();
        assertThat(jail(dir, "k").problem()).isPresent();
    }
}
