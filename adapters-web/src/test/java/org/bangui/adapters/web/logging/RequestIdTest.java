package org.bangui.adapters.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    private static final String GENERATED = "[A-Za-z0-9_-]{22}";

    @Test
    void keepsAWellFormedIdAsOffered() {
        assertThat(RequestId.choose("a")).isEqualTo("a");
        assertThat(RequestId.choose("Trace-01.abc_Z")).isEqualTo("Trace-01.abc_Z");
        assertThat(RequestId.choose("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void replacesAMalformedIdWithAGeneratedOne() {
        Stream.of(null, "", "x".repeat(65), "a\r\nb", "a\nforged", "\"quoted\"", "a b", "é", "a/b", "a%0A")
                .forEach(offered -> assertThat(RequestId.choose(offered)).as("for %s", offered).matches(GENERATED));
    }

    @Test
    void generatesADifferentIdEachTime() {
        assertThat(Stream.generate(() -> RequestId.choose(null)).limit(100).distinct()).hasSize(100);
    }

    @Test
    void hashesASessionIdToTwelveHexCharacters() {
        assertThat(RequestLogContext.shortHash("0123456789abcdef0123456789abcdef")).matches("[0-9a-f]{12}")
                .isEqualTo(RequestLogContext.shortHash("0123456789abcdef0123456789abcdef"))
                .isNotEqualTo(RequestLogContext.shortHash("0123456789abcdef0123456789abcdee"));
    }
}
