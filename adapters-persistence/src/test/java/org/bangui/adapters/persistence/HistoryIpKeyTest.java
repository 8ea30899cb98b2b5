package org.bangui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryIpKeyTest {

    @Test
    void keysAPlainIpv4AddressAsItsIpv4MappedForm() {
        assertThat(HexFormat.of().formatHex(HistoryIpKey.of("203.0.113.7").orElseThrow()))
                .isEqualTo("00000000000000000000ffffcb007107");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "10.0.0.1", "192.0.2.10", "1.22.133.244", "256.1.1.1",
        "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4", "1..2.3", "01.2.3.4", "1.2.3.00", "1.2.3.0400", "1.2.3.-4",
        "1.2.3.4/24", "198.51.100.0/24", "::ffff:1.2.3.4", "2001:db8::1", "2001:db8::/32", "user@example",
        " 1.2.3.4", "1.2.3.4 ", "1.2.3.a", "", "9999.1.1.1"})
    void theIpv4ShortcutAgreesWithTheGeneralParser(String text) {
        assertThat(hex(HistoryIpKey.of(text))).isEqualTo(hex(general(text)));
    }

    @Test
    void theIpv4ShortcutAgreesWithTheGeneralParserOnRandomQuads() {
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            String text = random.nextInt(300) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (random.nextBoolean() ? "0" : "") + random.nextInt(260);
            assertThat(hex(HistoryIpKey.of(text))).as(text).isEqualTo(hex(general(text)));
        }
    }

    private static Optional<byte[]> general(String text) {
        try {
            return Optional.of(HistoryIpKey.of(IpNetwork.parse(text).normalized().address()));
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String hex(Optional<byte[]> key) {
        return key.map(HexFormat.of()::formatHex).orElse("none");
    }
}
