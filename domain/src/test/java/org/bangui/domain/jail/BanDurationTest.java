package org.bangui.domain.jail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class BanDurationTest {

    @Test
    void fixedBanEndsAfterItsLength() {
        Instant start = Instant.parse("2026-11-21T05:00:00Z");
        assertThat(BanDuration.of(Duration.ofMinutes(10)).endOf(start)).contains(start.plusSeconds(600));
    }

    @Test
    void permanentBanNeverEnds() {
        assertThat(BanDuration.permanent().endOf(Instant.EPOCH)).isEmpty();
        assertThat(BanDuration.ofFail2banSeconds(-1).isPermanent()).isTrue();
        assertThat(BanDuration.ofFail2banSeconds(-5).isPermanent()).isTrue();
    }

    @Test
    void rejectsZeroAndNegativeLengths() {
        assertThatThrownBy(() -> BanDuration.of(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BanDuration(-2)).isInstanceOf(InvalidInputException.class);
    }
}
