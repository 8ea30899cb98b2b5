package org.bangui.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AddressLiteralsTest {

    private static final List<String> EDGES = List.of("::", "::1", "1::", "1:", ":1", ":::", "1:::2", "1::2::3",
            "::ffff:1.2.3.4", "::1.2.3.4", "1.2.3.4::", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4", "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:7::8", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "00001::1", "ABCD:ef01::", "::01.2.3.4",
            "::1.2.3", "::1.2.3.4.5", "::256.1.1.1", "::a.1.1.1", "2001:db8::1%eth0", "g::1", "fe80::1:", "::ffff:0:0",
            "0:0:0:0:0:ffff:102:304", "1.2.3.4", "01.2.3.4", "1.2.3.04", "255.255.255.255", "256.0.0.0", "1.2.3",
            "1..2.3", "1.2.3.4.", ".1.2.3.4", "0.0.0.0", "1234.1.1.1", "", ":", "::1234.1.1.1");

    @Test
    void readsTheEdgeCasesExactlyAsIpAddressParseDoes() {
        EDGES.forEach(AddressLiteralsTest::assertAgrees);
    }

    @Test
    void agreesWithIpAddressParseOnRandomNearLiterals() {
        Random random = new Random(314159);
        for (int i = 0; i < 200_000; i++) {
            assertAgrees(nearLiteral(random));
        }
    }

    /** Valid-looking literals, then a few random edits: insert, delete or swap a character. */
    private static String nearLiteral(Random random) {
        StringBuilder text = new StringBuilder();
        int groups = random.nextInt(9);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                text.append(':');
            }
            if (random.nextInt(8) > 0) {
                text.append(Integer.toHexString(random.nextInt(1 << (4 * (1 + random.nextInt(4))))));
            }
        }
        if (random.nextInt(4) == 0) {
            text.append(text.length() == 0 ? "::" : ":").append(random.nextInt(300)).append('.')
                    .append(random.nextInt(256)).append('.').append(random.nextInt(30)).append('.')
                    .append(random.nextInt(256));
        }
        String alphabet = "0123456789abcdefABCDEFg:.%";
        for (int edits = random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.replace(at, Math.min(at + 1, text.length()), "");
                default -> text.replace(at, Math.min(at + 1, text.length()), String.valueOf(c));
            }
        }
        return text.toString();
    }

    private static void assertAgrees(String text) {
        assertThat(fast(text)).as(text).isEqualTo(reference(text));
    }

    /** The bytes the fast readers give, IPv4-mapped addresses as 4 bytes; null if they refuse. */
    private static List<Byte> fast(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (text.indexOf(':') < 0) {
            long ipv4 = AddressLiterals.ipv4(bytes, 0, bytes.length);
            return ipv4 < 0 ? null : bytesOf(ipv4, 4);
        }
        long[] out = new long[2];
        if (!AddressLiterals.ipv6(bytes, 0, bytes.length, out)) {
            return null;
        }
        if (PackedNetwork.isMapped(out[0], out[1])) {
            return bytesOf(out[1] & 0xffffffffL, 4);
        }
        List<Byte> all = new ArrayList<>(bytesOf(out[0], 8));
        all.addAll(bytesOf(out[1], 8));
        return all;
    }

    private static List<Byte> reference(String text) {
        try {
            byte[] bytes = IpAddress.parse(text).bytes();
            List<Byte> all = new ArrayList<>();
            for (byte b : bytes) {
                all.add(b);
            }
            return all;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static List<Byte> bytesOf(long value, int count) {
        List<Byte> bytes = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            bytes.add((byte) (value >>> (8 * i)));
        }
        return bytes;
    }
}
