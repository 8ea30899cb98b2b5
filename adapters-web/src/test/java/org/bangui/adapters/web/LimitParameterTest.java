package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * {@code limit} takes ASCII digits only. Found with {@code GET /api/v1/jobs/runs?limit=%EF%BC%91}: a fullwidth
 * "1" passed {@link Character#isDigit} and {@link Integer#parseInt} read it as 1 (Arabic-Indic and other
 * scripts' digits likewise).
 */
class LimitParameterTest {

    @Test
    void nonAsciiDigitsAreRefused() {
        for (String raw : new String[] {"\uFF11", "\u0661\u0660", "\u0967"}) {
            assertThatThrownBy(() -> JobController.limit(raw)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> AuditController.limit(raw)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void asciiDigitsAndAbsenceStillWork() {
        assertThat(JobController.limit("7")).isEqualTo(7);
        assertThat(JobController.limit(null)).isEqualTo(50);
        assertThat(AuditController.limit("007")).isEqualTo(7);
    }
}
