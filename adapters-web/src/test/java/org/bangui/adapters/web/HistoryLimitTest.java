package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPageRequest;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class HistoryLimitTest {

    @Test
    void limitDefaultsTo100AndAcceptsOneTo500Only() {
        assertThat(HistoryController.limit(null)).isEqualTo(100);
        assertThat(HistoryController.limit("500")).isEqualTo(500);
        for (String bad : List.of("0", "501", "10000", "9999999", "-1", "1e3", " 5", "abc")) {
            assertThatThrownBy(() -> new HistoryPageRequest(HistoryFilter.ALL, HistoryController.limit(bad),
                    java.util.Optional.empty())).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasFieldOrPropertyWithValue("code", "invalid_limit");
        }
    }
}
