package org.bangui.adapters.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangui.adapters.fail2ban.Fail2banDatabaseReader.MatchLines;
import org.junit.jupiter.api.Test;

class MatchLinesTest {

    @Test
    void keepsLinesThatArriveInIndexOrderAsTheyCame() {
        MatchLines lines = new MatchLines();
        lines.add(0, "a");
        lines.add(1, "b");
        lines.add(2, "c");
        assertThat(lines.inOrder()).containsExactly("a", "b", "c");
    }

    @Test
    void putsLinesThatArriveOutOfOrderBackInIndexOrder() {
        MatchLines lines = new MatchLines();
        lines.add(2, "c");
        lines.add(0, "a");
        lines.add(10, "k");
        lines.add(1, "b");
        assertThat(lines.inOrder()).containsExactly("a", "b", "c", "k");
    }
}
