package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchesJsonTest {

    @Test
    void writesPlainLinesUnchangedBetweenQuotes() {
        assertThat(MatchesJson.of(List.of("Failed password for root from 203.0.113.7", "")))
                .isEqualTo("[\"Failed password for root from 203.0.113.7\",\"\"]");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersWhereverTheyStand() {
        assertThat(MatchesJson.of(List.of("\"a\\b\"", "x\ny\rz\t", "\u0001end", "mid\u001fdle")))
                .isEqualTo("[\"\\\"a\\\\b\\\"\",\"x\\ny\\rz\\t\",\"\\u0001end\",\"mid\\u001fdle\"]");
    }

    @Test
    void readsBackWhatItWrote() {
        List<String> lines = List.of("user \"admin\" from 198.51.100.1", "C:\\path\\to", "tab\there\u0000",
                "ünïcødé ✓", "");
        assertThat(JsonStringArray.parse(MatchesJson.of(lines))).isEqualTo(lines);
    }
}
