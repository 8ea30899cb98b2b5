package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.config.ConfigCheckPort.FilterTest;
import org.bangui.domain.config.ConfigCheckPort.LineMatch;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class FilterTestRunTest {

    @Test
    void mapsRowsToLinesInOrderEvenWhenLinesRepeat() {
        List<String> lines = List.of("a 1.2.3.4", "b", "a 1.2.3.4", "c\t5.6.7.8");
        String output = "@bangui@\t1795238547.5\t1.2.3.4\ta 1.2.3.4\n"
                + "noise\n@bangui@\t1795238548.0\t5.6.7.8\tc\t5.6.7.8\n";
        List<LineMatch> result = FilterTestRun.matches(lines, output);
        assertThat(result).extracting(LineMatch::matched).containsExactly(true, false, false, true);
        assertThat(result.get(0).time()).contains(Instant.ofEpochSecond(1795238547, 500_000_000));
        assertThat(result.get(3).host()).contains("5.6.7.8");
        assertThat(result.get(1)).isEqualTo(new LineMatch("b", false, Optional.empty(), Optional.empty()));
    }

    @Test
    void acceptsFilterSpecsOnTheAllowListOnly() {
        assertThat(FilterTestRun.filterName("sshd").value()).isEqualTo("sshd");
        assertThat(FilterTestRun.filterName("sshd[mode=aggressive]").value()).isEqualTo("sshd");
        assertThat(FilterTestRun.filterName("nginx-http-auth[mode=normal, port=80]").value())
                .isEqualTo("nginx-http-auth");
        for (String spec : List.of("../../etc/passwd", "/etc/shadow", "sshd[", "sshd[x]", "sshd[a=/b]", "..a",
                "sshd[a=\"b\"]", "sshd\n", "")) {
            assertThatThrownBy(() -> FilterTestRun.filterName(spec)).as(spec)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_filter"));
        }
    }

    @Test
    void writesAnAdHocFilterWithPercentEscapedAndOneRegexPerLine() {
        String text = FilterTestRun.adHocFilter(new FilterTest(Optional.empty(),
                List.of("^a 100% <HOST>", "[x] <HOST>"), List.of("ok"), Optional.of("%%Y-%%m"), List.of("x")));
        assertThat(text).isEqualTo("[Definition]\nfailregex = ^a 100%% <HOST>\n    [x] <HOST>\nignoreregex = ok\n"
                + "datepattern = %%%%Y-%%%%m\n");
    }

    @Test
    void refusesAnAdHocFilterWithoutFailregexOrWithARegexFail2banWouldCut() {
        assertThatThrownBy(() -> FilterTestRun.adHocFilter(new FilterTest(Optional.empty(), List.of(), List.of(),
                Optional.empty(), List.of("x")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilterTestRun.adHocFilter(new FilterTest(Optional.empty(), List.of("a ;b <HOST>"),
                List.of(), Optional.empty(), List.of("x")))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_value"));
    }

    @Test
    void refusesLinesBeyondTheCaps() {
        assertThatThrownBy(() -> FilterTestRun.checkLines(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilterTestRun.checkLines(java.util.Collections.nCopies(1001, "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilterTestRun.checkLines(List.of("\u00e9".repeat(4097))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilterTestRun.checkLines(List.of("a\rb"))).isInstanceOf(InvalidInputException.class);
        FilterTestRun.checkLines(java.util.Collections.nCopies(1000, "x".repeat(8192)));
    }
}
