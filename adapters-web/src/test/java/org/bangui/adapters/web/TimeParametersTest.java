package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TimeParametersTest {

    @Test
    void absentOrEmptyIsNoBound() {
        assertThat(TimeParameters.optional(null, "since")).isEmpty();
        assertThat(TimeParameters.optional("", "since")).isEmpty();
    }

    @Test
    void acceptsInstantsFromTheEpochToTheEndOfYear9999() {
        assertThat(TimeParameters.optional("1970-01-01T00:00:00Z", "since")).contains(Instant.EPOCH);
        assertThat(TimeParameters.optional("9999-12-31T23:59:59Z", "until"))
                .contains(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(TimeParameters.optional("2026-11-21T06:00:00.5Z", "since"))
                .contains(Instant.parse("2026-11-21T06:00:00.500Z"));
    }

    @Test
    void refusesInstantsThatJavaParsesButNoStoreCanHold() {
        for (String raw : new String[] {"-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
                "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.000000001Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> TimeParameters.optional(raw, "since")).as(raw)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("since")
                    .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("invalid_time"));
        }
    }

    @Test
    void refusesTextThatIsNotAnInstant() {
        for (String raw : new String[] {"yesterday", "2026-13-01T00:00:00Z", "2026-11-21", "1700000000"}) {
            assertThatThrownBy(() -> TimeParameters.optional(raw, "until")).as(raw)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
