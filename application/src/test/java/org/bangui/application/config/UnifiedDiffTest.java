package org.bangui.application.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void oneChangedLineShowsWithThreeLinesOfContextAndCorrectRanges() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assertThat(UnifiedDiff.of("jail.local", bytes(before), bytes(after))).isEqualTo(
                "--- a/jail.local\n+++ b/jail.local\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
    }

    @Test
    void aCreatedFileDiffsAgainstDevNullAndADeletedOneToIt() {
        assertThat(UnifiedDiff.of("jail.d/x.local", Optional.empty(), bytes("[x]\nenabled = true\n")))
                .isEqualTo("--- /dev/null\n+++ b/jail.d/x.local\n@@ -0,0 +1,2 @@\n+[x]\n+enabled = true\n");
        assertThat(UnifiedDiff.of("jail.d/x.local", bytes("[x]\n"), Optional.empty()))
                .isEqualTo("--- a/jail.d/x.local\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-[x]\n");
    }

    @Test
    void distantChangesGetTheirOwnHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");
        String diff = UnifiedDiff.of("f", bytes(before.toString()), bytes(after));
        assertThat(diff.split("\n@@", -1)).hasSize(3);
        assertThat(diff).contains("@@ -1,5 +1,5 @@", "-2\n+two", "@@ -16,5 +16,5 @@", "-19\n+nineteen");
    }

    private static Optional<byte[]> bytes(String text) {
        return Optional.of(text.getBytes(UTF_8));
    }
}
