package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    private static HistoryViews.HistoryItem item(List<String> matches, String country) {
        return new HistoryViews.HistoryItem(7, "sshd", "203.0.113.5", "2026-11-01T00:00:00Z", -1L, true, null, null,
                null, 2, 5, matches, country, "fail2ban");
    }
}
