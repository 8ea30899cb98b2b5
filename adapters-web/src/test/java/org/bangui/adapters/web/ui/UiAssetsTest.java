package org.bangui.adapters.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the UI built into target/classes/public by the process-classes phase (tools/build.sh). */
class UiAssetsTest {

    private final UiAssets assets = new UiAssets();

    @Test
    void servesTheBuiltShellAndEveryAssetItNames() {
        StaticFile shell = assets.index().orElseThrow();
        String html = new String(shell.bytes(), StandardCharsets.UTF_8);
        assertThat(shell.contentType()).startsWith("text/html");
        var names = java.util.regex.Pattern.compile("/assets/([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(names).as("assets named by the shell").isNotEmpty();
        for (String name : names) {
            assertThat(assets.asset(name)).as(name).isPresent();
        }
        assertThat(names).anyMatch(n -> n.endsWith(".js")).anyMatch(n -> n.endsWith(".css"));
    }

    @Test
    void givesEachFileAStrongEtagOfItsContent() {
        StaticFile shell = assets.index().orElseThrow();
        assertThat(shell.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(new UiAssets().index().orElseThrow().etag()).isEqualTo(shell.etag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../index.html", "..%2Findex.html", "index.html", "a/b.js", "a\\b.js",
            "nothing-here.js", "x.exe", "no-extension", ".hidden.js", "a..js", "-.class",
            "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryvery"
                    + "verylongname.js"})
    void findsNothingForNamesThatAreNotBuiltAssets(String name) {
        assertThat(assets.asset(name)).isEmpty();
    }
}
