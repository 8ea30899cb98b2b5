package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class HistoryExportFormatTest {

    @Test
    void csvQuotesTextCellsDoublesQuotesAndKeepsLineBreaksInsideTheCell() {
        String line = HistoryExportFormat.csvLine(item(List.of("a \"b\", c", "second\r\nline"), "DE"));
        assertThat(line).isEqualTo("7,\"sshd\",\"203.0.113.5\",2026-11-01T00:00:00Z,-1,true,,,,2,5,"
                + "\"a \"\"b\"\", c\nsecond\r\nline\",\"DE\",\"fail2ban\"\r\n");
    }

    @Test
    void csvWritesControlCharactersOfAttackersLogLinesAsReplacementCharacters() {
        String line = HistoryExportFormat.csvLine(item(List.of("user \u001b[31mred\u0000 \u009b2J\u007f end\tok"),
                null));
        assertThat(line).contains(",\"user \uFFFD[31mred\uFFFD \uFFFD2J\uFFFD end\tok\",")
                .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u009b");
    }

    @Test
    void csvPrefixesCellsThatASpreadsheetWouldTakeForAFormula() {
        for (String attack : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            String line = HistoryExportFormat.csvLine(item(List.of(attack), null));
            assertThat(line).as(attack).contains(",\"'" + attack.replace("\"", "\"\"") + "\",");
        }
        assertThat(HistoryExportFormat.csvLine(item(List.of(), null))).endsWith(",5,,,\"fail2ban\"\r\n");
    }

    @Test
    void onlyCsvAndNdjsonAreFormats() {
        assertThat(HistoryExportFormat.fromCode("csv").mediaType()).isEqualTo("text/csv");
        assertThat(HistoryExportFormat.fromCode("ndjson").fileName()).isEqualTo("bangui-history.ndjson");
        for (String other : List.of("CSV", "json", "xlsx", "")) {
            assertThatThrownBy(() -> HistoryExportFormat.fromCode(other)).isInstanceOf(InvalidInputException.class)
                    .hasFieldOrPropertyWithValue("code", "invalid_format");
        }
    }

    private static HistoryEntry item(List<String> matches, String country) {
        return new HistoryEntry(7, new BanRecord("sshd", "203.0.113.5", Instant.parse("2026-11-01T00:00:00Z"),
                Optional.of(-1L), 2, 5, matches, Optional.ofNullable(country), BanOrigin.FAIL2BAN), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
