package org.bangui.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class BlocklistParserTest {

    private static final String NOT_AN_ADDRESS = "not an IP address or network";
    private static final String OUT_OF_RANGE = "prefix length out of range";

    /** Each line alone: the entry it gives, or "!" and the reason it is refused. */
    private static final Map<String, String> LINES = Map.ofEntries(
            Map.entry("192.0.2.1", "192.0.2.1"),
            Map.entry("  \t192.0.2.1 \t", "192.0.2.1"),
            Map.entry("198.51.100.7/24", "198.51.100.0/24"),
            Map.entry("198.51.100.7/32", "198.51.100.7"),
            Map.entry("0.0.0.0/0", "0.0.0.0/0"),
            Map.entry("1.2.3.0/24 ; SBL123", "1.2.3.0/24"),
            Map.entry("1.2.3.0/24;SBL123", "1.2.3.0/24"),
            Map.entry("1.2.3.4#comment", "1.2.3.4"),
            Map.entry("1.2.3.4,bad host,2024", "1.2.3.4"),
            Map.entry("1.2.3.4  3", "1.2.3.4"),
            Map.entry("1.2.3.4\textra\u00e9", "1.2.3.4"),
            Map.entry("2001:DB8::1", "2001:db8::1"),
            Map.entry("2001:db8::ff/120", "2001:db8::/120"),
            Map.entry("2001:db8::1/128", "2001:db8::1"),
            Map.entry("::/0", "::/0"),
            Map.entry("::ffff:1.2.3.4", "1.2.3.4"),
            Map.entry("::ffff:1.2.3.4/120", "1.2.3.0/24"),
            Map.entry("::ffff:1.2.3.4/96", "0.0.0.0/0"),
            Map.entry("1.2.3.4/024", "1.2.3.0/24"),
            Map.entry("::ffff:1.2.3.4/95", "!IPv4-mapped network shorter than /96"),
            Map.entry("1.2.3.4/33", "!" + OUT_OF_RANGE),
            Map.entry("2001:db8::/129", "!" + OUT_OF_RANGE),
            Map.entry("1.2.3.4/", "!not a valid prefix length"),
            Map.entry("1.2.3.4/-1", "!not a valid prefix length"),
            Map.entry("1.2.3.4/0024", "!not a valid prefix length"),
            Map.entry("1.2.3.4/2a", "!not a valid prefix length"),
            Map.entry("fe80::1%eth0", "!zone ids are not allowed"),
            Map.entry("example.com", "!" + NOT_AN_ADDRESS),
            Map.entry("localhost/32", "!" + NOT_AN_ADDRESS),
            Map.entry("127.1", "!" + NOT_AN_ADDRESS),
            Map.entry("010.0.0.1", "!" + NOT_AN_ADDRESS),
            Map.entry("1.2.3.256", "!" + NOT_AN_ADDRESS),
            Map.entry("1.2.3.4.5", "!" + NOT_AN_ADDRESS),
            Map.entry("1.2.3.4-1.2.3.9", "!" + NOT_AN_ADDRESS),
            Map.entry("[2001:db8::1]", "!" + NOT_AN_ADDRESS),
            Map.entry("00001::1", "!" + NOT_AN_ADDRESS),
            Map.entry("1::2::3", "!" + NOT_AN_ADDRESS),
            Map.entry("0x01020304", "!" + NOT_AN_ADDRESS),
            Map.entry("1.2.3.4\u00a0", "!non-ASCII or control character"),
            Map.entry("1.2.3.4\u0000", "!non-ASCII or control character"),
            Map.entry("\u000b1.2.3.4", "!non-ASCII or control character"),
            Map.entry(",1.2.3.4", "!no entry before the comma"));

    @Test
    void readsEachKindOfLineAsTheRulesSay() throws IOException {
        LINES.forEach((line, expected) -> {
            ParsedList parsed = parse(line + "\n");
            assertThat(parsed.lines()).as(line).isEqualTo(1);
            assertThat(parsed.total()).as(line).isEqualTo(1);
            if (expected.startsWith("!")) {
                assertThat(parsed.invalid()).as(line).isEqualTo(1);
                assertThat(parsed.samples()).as(line).singleElement()
                        .isEqualTo(new InvalidLine(1, line.replaceAll("^[ \\t]+|[ \\t]+$", ""), expected.substring(1)));
                assertThat(parsed.entries().isEmpty()).as(line).isTrue();
            } else {
                assertThat(parsed.invalid()).as(line).isZero();
                assertThat(EntrySetTest.texts(parsed.entries())).as(line).containsExactly(expected);
            }
        });
    }

    @Test
    void skipsBlankAndCommentLinesWithoutCountingThemAsEntries() {
        ParsedList parsed = parse("\n   \n\t\n# comment\n  ; another\n;\n#\n192.0.2.1\n");
        assertThat(parsed.lines()).isEqualTo(8);
        assertThat(parsed.total()).isEqualTo(1);
        assertThat(parsed.valid()).isEqualTo(1);
        assertThat(parsed.samples()).isEmpty();
    }

    @Test
    void acceptsCrlfLoneCrAndAMissingFinalLineEnd() {
        ParsedList parsed = parse("192.0.2.1\r\n192.0.2.2\r192.0.2.3\n\r\n192.0.2.4");
        assertThat(parsed.lines()).isEqualTo(5);
        assertThat(parsed.total()).isEqualTo(4);
        assertThat(EntrySetTest.texts(parsed.entries()))
                .containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4");
    }

    @Test
    void countsLinesAcrossCrlfSplitBetweenReads() throws IOException {
        // One byte per read: the CR and the LF of a CRLF arrive in different reads.
        InputStream slow = new ByteArrayInputStream(ascii("192.0.2.1\r\n\r\n192.0.2.2\r\n")) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        ParsedList parsed = BlocklistParser.parse(slow);
        assertThat(parsed.lines()).isEqualTo(3);
        assertThat(parsed.valid()).isEqualTo(2);
    }

    @Test
    void skipsALeadingUtf8BomButNotOneLater() {
        ParsedList parsed = parse("\ufeff192.0.2.1\n\ufeff192.0.2.2\n");
        assertThat(EntrySetTest.texts(parsed.entries())).containsExactly("192.0.2.1");
        assertThat(parsed.samples())
                .containsExactly(new InvalidLine(2, "?192.0.2.2", "non-ASCII or control character"));
        assertThat(parse("\ufeff").lines()).isZero();
        assertThat(parse("").lines()).isZero();
    }

    @Test
    void readsASpamhausDropStyleList() {
        ParsedList parsed = parse("""
                ; Spamhaus DROP List 2024/06/11 - (c) 2024 The Spamhaus Project SLU
                ; https://www.spamhaus.org/drop/drop.txt
                ; Last-Modified: Tue, 11 Jun 2024 10:34:11 GMT
                1.10.16.0/20 ; SBL256894
                1.19.0.0/16 ; SBL434604
                2.56.192.0/22 ; SBL459831
                """);
        assertThat(parsed.lines()).isEqualTo(6);
        assertThat(parsed.total()).isEqualTo(3);
        assertThat(EntrySetTest.texts(parsed.entries()))
                .containsExactlyInAnyOrder("1.10.16.0/20", "1.19.0.0/16", "2.56.192.0/22");
    }

    @Test
    void readsTheAddressColumnOfACsvList() {
        ParsedList parsed = parse("# ip,reason,first seen\n192.0.2.1,ssh brute force,2024-06-01\n"
                + "2001:db8::7,\"scanner, noisy\",2024-06-02\n198.51.100.0/24,,\n");
        assertThat(parsed.total()).isEqualTo(3);
        assertThat(parsed.invalid()).isZero();
        assertThat(EntrySetTest.texts(parsed.entries()))
                .containsExactlyInAnyOrder("192.0.2.1", "2001:db8::7", "198.51.100.0/24");
    }

    @Test
    void keepsTwentySamplesInLineOrderAndCountsEveryInvalidLine() {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            list.append(i % 2 == 0 ? "bad-" + i : "192.0.2." + i).append('\n');
        }
        ParsedList parsed = parse(list.toString());
        assertThat(parsed.lines()).isEqualTo(50);
        assertThat(parsed.total()).isEqualTo(50);
        assertThat(parsed.invalid()).isEqualTo(25);
        assertThat(parsed.valid()).isEqualTo(25);
        assertThat(parsed.entries().size()).isEqualTo(25);
        assertThat(parsed.samples()).hasSize(BlocklistParser.MAX_SAMPLES);
        assertThat(parsed.samples()).extracting(InvalidLine::line).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L,
                18L, 20L, 22L, 24L, 26L, 28L, 30L, 32L, 34L, 36L, 38L, 40L);
        assertThat(parsed.samples().get(0).text()).isEqualTo("bad-2");
    }

    @Test
    void refusesALineOfFiveThousandBytesWithoutLosingTheNextLines() {
        String longLine = "1.2.3.4 " + "x".repeat(4992);
        ParsedList parsed = parse("192.0.2.1\n" + longLine + "\n192.0.2.2\n" + "1".repeat(1001));
        assertThat(parsed.lines()).isEqualTo(4);
        assertThat(parsed.invalid()).isEqualTo(2);
        assertThat(parsed.samples()).containsExactly(
                new InvalidLine(2, longLine.substring(0, 100), "line too long"),
                new InvalidLine(4, "1".repeat(100), "line too long"));
        assertThat(EntrySetTest.texts(parsed.entries())).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
        assertThat(parse("1".repeat(1000)).samples()).extracting(InvalidLine::reason)
                .containsExactly(NOT_AN_ADDRESS);
    }

    @Test
    void skipsALongCommentLineAsAComment() {
        ParsedList parsed = parse("# " + "licence text ".repeat(400) + "\n192.0.2.1\n");
        assertThat(parsed.lines()).isEqualTo(2);
        assertThat(parsed.total()).isEqualTo(1);
        assertThat(parsed.invalid()).isZero();
    }

    @Test
    void countsTheSameNetworkInAnotherSpellingAsADuplicate() {
        ParsedList parsed = parse("1.2.3.4\n1.2.3.4/32\n::ffff:1.2.3.4\n::ffff:1.2.3.4/128\n"
                + "10.0.0.7/8\n10.9.9.9/8\n2001:db8::1\n2001:DB8:0::1/128\n");
        assertThat(parsed.valid()).isEqualTo(8);
        assertThat(parsed.duplicates()).isEqualTo(5);
        assertThat(EntrySetTest.texts(parsed.entries()))
                .containsExactlyInAnyOrder("1.2.3.4", "10.0.0.0/8", "2001:db8::1");
    }

    @Test
    void showsOnlyPrintableAsciiOfAnInvalidLine() {
        ParsedList parsed = parse("  caf\u00e9\u0007 ; <script>  \n");
        InvalidLine sample = parsed.samples().get(0);
        assertThat(sample.text()).isEqualTo("caf?? ; <script>");
        assertThat(sample.reason()).isEqualTo("non-ASCII or control character");
    }

    @Test
    void passesTheStreamsIoExceptionThroughUnchanged() {
        IOException failure = new IOException("connection reset");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(ascii("192.0.2.1\n")),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw failure;
                    }
                });
        assertThatThrownBy(() -> BlocklistParser.parse(failing)).isSameAs(failure);
    }

    @Test
    void entriesOfAParsedListCanBeRejectedLater() {
        ParsedList parsed = parse("127.0.0.1\n127.0.0.1\n192.0.2.1\nnope\n");
        ParsedList after = parsed.withRejected(parsed.entries().removeOverlapping(IpNetwork.parse("127.0.0.0/8")),
                "loopback");
        assertThat(after.invalid()).isEqualTo(2);
        assertThat(after.valid()).isEqualTo(2);
        assertThat(after.duplicates()).isEqualTo(1);
        assertThat(after.entries().size()).isEqualTo(after.valid() - after.duplicates());
        assertThat(after.samples()).containsExactly(new InvalidLine(4, "nope", NOT_AN_ADDRESS),
                new InvalidLine(0, "127.0.0.1", "loopback"));
    }

    private static ParsedList parse(String text) {
        try {
            return BlocklistParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
