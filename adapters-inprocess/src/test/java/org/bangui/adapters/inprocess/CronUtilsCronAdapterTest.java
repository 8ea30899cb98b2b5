package org.bangui.adapters.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronUtilsCronAdapterTest {

    private final CronUtilsCronAdapter cron = new CronUtilsCronAdapter();

    @Test
    void computesTheNextFiringInUtc() {
        Instant after = Instant.parse("2026-11-22T03:30:00Z");
        assertThat(cron.next("0 3 * * *", after)).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(cron.next("*/15 * * * *", after)).isEqualTo(Instant.parse("2026-11-22T03:45:00Z"));
        assertThat(cron.next("0 4 * * 1", after)).isEqualTo(Instant.parse("2026-11-23T04:00:00Z")); // a Monday
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "0 3 * * * *", "61 * * * *", "0 25 * * *", "a b c d e",
            "0 0 30 2 *", "@daily", "0 3 * * * ; rm -rf /"})
    void refusesWhatIsNotAFiringFiveFieldExpression(String expression) {
        assertThatThrownBy(() -> cron.validate(expression)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("invalid_schedule");
    }

    @Test
    void acceptsRangesListsAndSteps() {
        cron.validate("0,30 1-5 */2 1-12 0-6");
    }
}
