package org.bangui.domain.blocklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Measures {@link BlocklistParser} and {@link EntrySet} on a million generated lines; a main class the build
 * does not run (no timing assertions in tests). Run it with {@code -Xmx256m} from the test class path:
 * {@code java -Xmx256m -cp domain/target/classes:domain/target/test-classes
 * org.bangui.domain.blocklist.BlocklistParserBenchmark}.
 */
public final class BlocklistParserBenchmark {

    private static final int LINES = 1_000_000;
    private static final int RUNS = 5;

    private BlocklistParserBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] list = generate(new Random(42), LINES);
        report("list", list.length / 1024 / 1024 + " MB, " + LINES + " lines");
        ParsedList parsed = null;
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            parsed = BlocklistParser.parse(new ByteArrayInputStream(list));
            report("parse " + run, (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        report("counts", "lines=" + parsed.lines() + " total=" + parsed.total() + " invalid=" + parsed.invalid()
                + " duplicates=" + parsed.duplicates() + " entries=" + parsed.entries().size());
        long before = usedAfterGc();
        ParsedList kept = BlocklistParser.parse(new ByteArrayInputStream(list));
        long after = usedAfterGc();
        report("entry set heap", (after - before) / 1024 / 1024 + " MB, " + (after - before) / kept.entries().size()
                + " bytes/entry, capacity " + kept.entries().capacity());

        EntrySet other = BlocklistParser.parse(new ByteArrayInputStream(generate(new Random(42), LINES))).entries();
        // The second set: drop one entry in a hundred and add as many new ones.
        EntrySet changed = new EntrySet(other.size());
        int[] index = {0};
        other.forEach(network -> {
            if (index[0]++ % 100 != 0) {
                changed.add(network);
            }
        });
        for (int i = 0; i < other.size() / 100; i++) {
            changed.addIpv4(0x0a000000 + i, 32);
        }
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            EntrySet added = changed.minus(other);
            EntrySet removed = other.minus(changed);
            report("minus both ways " + run, (System.nanoTime() - start) / 1_000_000 + " ms (" + added.size()
                    + " added, " + removed.size() + " removed)");
        }
        if (kept.entries().isEmpty()) {
            report("unreachable", "keeps the set alive until here");
        }
    }

    /** 85% IPv4 hosts, 8% IPv6 hosts, 5% networks of both families, 2% invalid, a comment every 1,000 lines. */
    static byte[] generate(Random random, int lines) {
        StringBuilder text = new StringBuilder(lines * 16);
        for (int i = 0; i < lines; i++) {
            if (i % 1000 == 0) {
                text.append("# generated list, block ").append(i / 1000).append('\n');
                continue;
            }
            int kind = random.nextInt(100);
            int a = random.nextInt();
            if (kind < 85) {
                ipv4(text, a);
            } else if (kind < 93) {
                text.append("2001:db8:").append(Integer.toHexString(random.nextInt(0x10000))).append("::")
                        .append(Integer.toHexString(a & 0xffff)).append(':').append(Integer.toHexString(a >>> 16));
            } else if (kind < 98) {
                if (random.nextBoolean()) {
                    ipv4(text, a);
                    text.append('/').append(16 + random.nextInt(16));
                } else {
                    text.append("2a0").append(random.nextInt(10)).append(':').append(Integer.toHexString(a >>> 16))
                            .append("::/").append(32 + random.nextInt(32));
                }
            } else {
                text.append("host-").append(a & 0xffff).append(".example.net");
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void ipv4(StringBuilder text, int a) {
        text.append(a >>> 24).append('.').append((a >>> 16) & 0xff).append('.').append((a >>> 8) & 0xff)
                .append('.').append(a & 0xff);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void report(String what, String figure) {
        System.out.println(what + ": " + figure);
    }
}
