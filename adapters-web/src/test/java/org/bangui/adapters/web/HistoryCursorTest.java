package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bangui.domain.history.HistoryPosition;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeOf() {
        HistoryPosition position = new HistoryPosition(Instant.parse("2026-11-01T10:00:00.123Z"), 987_654);
        assertThat(HistoryCursor.decode(HistoryCursor.encode(position))).contains(position);
        assertThat(HistoryCursor.decode(null)).isEmpty();
        assertThat(HistoryCursor.decode("")).isEmpty();
    }

    @Test
    void refusesEverythingThatIsNotACursorThisApiMakes() {
        for (String forged : List.of("%%", "aDE6MTox!", encoded("h1:1:0"), encoded("h1:-5:3"), encoded("h1:1:x"),
                encoded("h2:1:1"), encoded("before:12"), encoded("h1:1:1:1"), encoded("h1:99999999999999999:1"),
                encoded("h1:1:" + "9".repeat(19)), "A".repeat(65))) {
            assertThatThrownBy(() -> HistoryCursor.decode(forged)).as(forged)
                    .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
