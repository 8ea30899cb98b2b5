package org.bangui.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class ParsedListTest {

    @Test
    void invalidLineKeepsAHundredPrintableAsciiCharacters() {
        InvalidLine sample = new InvalidLine(3, "a\u0000b\u00e9c\u202e" + "x".repeat(200), "line too long");
        assertThat(sample.text()).startsWith("a?b?c?x").hasSize(InvalidLine.MAX_TEXT);
        assertThatThrownBy(() -> new InvalidLine(-1, "x", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvalidLine(1, "x", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesCountsThatContradictEachOther() {
        EntrySet none = new EntrySet();
        assertThatThrownBy(() -> new ParsedList(1, 2, 0, 0, List.of(), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedList(2, 2, 3, 0, List.of(), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedList(2, 2, 1, 2, List.of(), none))
                .isInstanceOf(IllegalArgumentException.class);
        List<InvalidLine> tooMany = Collections.nCopies(BlocklistParser.MAX_SAMPLES + 1, new InvalidLine(1, "x", "r"));
        assertThatThrownBy(() -> new ParsedList(30, 30, 30, 0, tooMany, none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ParsedList(5, 4, 1, 2, List.of(), none).valid()).isEqualTo(3);
    }

    @Test
    void rejectingLaterCountsEveryEntryButStopsSamplingAtTheCap() {
        List<InvalidLine> samples = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            samples.add(new InvalidLine(i, "bad", "not an IP address or network"));
        }
        ParsedList parsed = new ParsedList(30, 30, 19, 0, samples, new EntrySet());
        ParsedList after = parsed.withRejected(List.of(IpNetwork.parse("10.0.0.1"), IpNetwork.parse("10.0.0.2")),
                "in the jail's ignoreip");
        assertThat(after.invalid()).isEqualTo(21);
        assertThat(after.samples()).hasSize(BlocklistParser.MAX_SAMPLES).last()
                .isEqualTo(new InvalidLine(0, "10.0.0.1", "in the jail's ignoreip"));
        assertThat(parsed.invalid()).isEqualTo(19);
    }
}
