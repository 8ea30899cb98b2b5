package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPosition;
import org.junit.jupiter.api.Test;

/** The hand-written history JSON against Micronaut Serde's encoding of the same view record. */
class HistoryItemEncoderTest {

    /** As configured in application.yml: every field, null ones included. */
    private final ObjectMapper serde = ObjectMapper.create(
            Map.of("micronaut.serde.serialization.inclusion", "ALWAYS"), "org.bangui.adapters.web");

    @Test
    void writesTheSameBytesAsTheSerialisedViewForPlainEntries() throws IOException {
        HistoryEntry plain = entry(42, "sshd", "203.0.113.5", 1_795_364_511_000L, Optional.of(600L),
                List.of("sshd[1]: Failed password for root from 203.0.113.5 port 22 ssh2"), Optional.of("DE"), false);
        HistoryEntry ended = entry(43, "nginx-http-auth", "2001:db8::1", 1_795_364_511_250L, Optional.empty(),
                List.of(), Optional.empty(), true);
        for (HistoryEntry entry : List.of(plain, ended)) {
            assertThat(new String(encoded(entry), StandardCharsets.UTF_8))
                    .isEqualTo(new String(serde.writeValueAsBytes(HistoryViews.HistoryItem.of(entry)),
                            StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesAPageAsTheSerialisedResponseWithAndWithoutANextCursor() throws IOException {
        List<HistoryEntry> items = List.of(entry(9, "sshd", "192.0.2.9", 1_000L, Optional.of(60L), List.of("x"),
                Optional.of("FR"), true), entry(8, "sshd", "192.0.2.8", 999L, Optional.of(-1L), List.of(),
                Optional.empty(), false));
        for (Optional<HistoryPosition> next : List.of(Optional.<HistoryPosition>empty(),
                Optional.of(new HistoryPosition(Instant.ofEpochMilli(999L), 8)))) {
            HistoryPage page = new HistoryPage(items, next);
            HistoryViews.HistoryResponse view = new HistoryViews.HistoryResponse(
                    items.stream().map(HistoryViews.HistoryItem::of).toList(),
                    next.map(HistoryCursor::encode).orElse(null));
            assertThat(new String(HistoryItemEncoder.page(page), StandardCharsets.UTF_8))
                    .isEqualTo(new String(serde.writeValueAsBytes(view), StandardCharsets.UTF_8));
        }
        assertThat(new String(HistoryItemEncoder.page(new HistoryPage(List.of(), Optional.empty())),
                StandardCharsets.UTF_8)).isEqualTo("{\"items\":[],\"nextCursor\":null}");
    }

    @Test
    void escapesEveryCharacterSoThatAJsonParserReadsBackTheSameValues() throws IOException {
        Random random = new Random(8);
        char[] alphabet =
                "aZ09 \"\\/\u0000\u0001\u001f\u007f\n\r\t\b\féüß€\u2028\ud83d\ude00\ud800\udc00".toCharArray();
        for (int i = 0; i < 300; i++) {
            List<String> matches = new ArrayList<>();
            for (int m = random.nextInt(4); m > 0; m--) {
                StringBuilder line = new StringBuilder();
                for (int c = random.nextInt(40); c > 0; c--) {
                    line.append(alphabet[random.nextInt(alphabet.length)]);
                }
                matches.add(line.toString());
            }
            HistoryEntry entry = entry(i + 1, "sshd", "198.51.100." + i % 250,
                    random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L), Optional.of(random.nextLong(-1, 10_000)),
                    matches, Optional.of("NL"), i % 3 == 0);
            HistoryViews.HistoryItem read = serde.readValue(encoded(entry), HistoryViews.HistoryItem.class);
            assertThat(read).isEqualTo(HistoryViews.HistoryItem.of(entry));
        }
    }

    @Test
    void escapesControlCharactersAndKeepsNonAsciiAsUtf8() {
        HistoryEntry entry = entry(1, "sshd", "192.0.2.1", 0, Optional.empty(),
                List.of("a\u0000b\u001fc\"d\\e\nf é \ud83d\ude00"), Optional.empty(), false);
        assertThat(new String(encoded(entry), StandardCharsets.UTF_8))
                .contains("\"matches\":[\"a\\u0000b\\u001fc\\\"d\\\\e\\nf é \ud83d\ude00\"]")
                .contains("\"bannedAt\":\"1970-01-01T00:00:00Z\"");
    }

    @Test
    void formatsInstantsExactlyAsInstantToString() {
        Random random = new Random(3);
        List<Long> samples = new ArrayList<>(List.of(0L, -1L, 1L, 999L, 1000L, -62_167_219_200_000L,
                -62_167_219_200_001L, 253_402_300_799_999L, 253_402_300_800_000L, 951_782_400_000L,
                4_107_542_400_000L));
        for (int i = 0; i < 5000; i++) {
            samples.add(random.nextLong(-70_000_000_000_000L, 260_000_000_000_000L));
        }
        for (long millis : samples) {
            Utf8Buffer out = new Utf8Buffer(32);
            IsoInstants.append(out, millis);
            assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).as(Long.toString(millis))
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    private static byte[] encoded(HistoryEntry entry) {
        Utf8Buffer out = new Utf8Buffer(64);
        HistoryItemEncoder.json(entry, out);
        return out.toByteArray();
    }

    private static HistoryEntry entry(long id, String jail, String ip, long bannedAt, Optional<Long> seconds,
                                      List<String> matches, Optional<String> country, boolean ended) {
        BanRecord ban = new BanRecord(jail, ip, Instant.ofEpochMilli(bannedAt), seconds, 3, 5, matches, country,
                ended ? BanOrigin.MANUAL : BanOrigin.FAIL2BAN);
        return new HistoryEntry(id, ban, ended ? Optional.of(Instant.ofEpochMilli(bannedAt + 1500)) : Optional.empty(),
                ended ? Optional.of(EndReason.UNBANNED) : Optional.empty(),
                ended ? Optional.of("admin \"x\"") : Optional.empty());
    }
}
