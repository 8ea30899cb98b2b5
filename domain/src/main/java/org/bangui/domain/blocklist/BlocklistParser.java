package org.bangui.domain.blocklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a blocklist, a text file of addresses and networks, one per line, in one streaming pass over its
 * bytes. Lines end with LF, CRLF or a lone CR; a leading UTF-8 BOM is skipped. Blank lines and lines whose
 * first non-blank character is {@code #} or {@code ;} are skipped. Of every other line, the entry is the first
 * space- or tab-separated token before the first {@code #}, {@code ;} or {@code ,} (inline comments, DROP's
 * {@code 1.2.3.0/24 ; SBL123}, CSV's {@code ip,comment}); the rest is ignored. An entry is a strict IPv4 or IPv6
 * literal, optionally with {@code /prefix}, normalised as {@link EntrySet} stores it; hostnames are never
 * resolved. A line longer than {@value #MAX_LINE_BYTES} bytes is invalid (unless it starts as a comment) and is
 * skipped without being held in memory.
 */
public final class BlocklistParser {

    /** The most {@link InvalidLine} samples a {@link ParsedList} carries. */
    public static final int MAX_SAMPLES = 20;
    /** The longest line read, without its line end. */
    public static final int MAX_LINE_BYTES = 1000;

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int INITIAL_ENTRIES = 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final EntrySet entries = new EntrySet(INITIAL_ENTRIES);
    private final List<InvalidLine> samples = new ArrayList<>();
    private int length;
    private boolean tooLong;
    private long lines;
    private long total;
    private long invalid;
    private long duplicates;

    private BlocklistParser(InputStream in) {
        this.in = in;
    }

    /**
     * Parses the whole stream; the caller closes it.
     *
     * @throws IOException as thrown by {@code in}, unchanged
     * @throws NullPointerException if {@code in} is null
     */
    public static ParsedList parse(InputStream in) throws IOException {
        if (in == null) {
            throw new NullPointerException("in");
        }
        return new BlocklistParser(in).run();
    }

    private ParsedList run() throws IOException {
        int end = readFirst();
        boolean bom = end >= 3 && buffer[0] == (byte) 0xef && buffer[1] == (byte) 0xbb && buffer[2] == (byte) 0xbf;
        int from = bom ? 3 : 0;
        boolean afterCr = false;
        while (end > 0) {
            for (int i = from; i < end; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    if (b == '\r' || !afterCr) {
                        endLine();
                    }
                    afterCr = b == '\r';
                    continue;
                }
                afterCr = false;
                if (length < MAX_LINE_BYTES) {
                    line[length++] = b;
                } else {
                    tooLong = true;
                }
            }
            end = read();
            from = 0;
        }
        if (length > 0 || tooLong) {
            endLine();
        }
        entries.trimToSize();
        return new ParsedList(lines, total, invalid, duplicates, samples, entries);
    }

    /** Fills the buffer with at least the 3 bytes a BOM needs, unless the stream is shorter; returns the count. */
    private int readFirst() throws IOException {
        int read = 0;
        while (read < 3) {
            int n = in.read(buffer, read, BUFFER_BYTES - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    /** The number of bytes read into the buffer, 0 at the end of the stream. */
    private int read() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, BUFFER_BYTES);
        } while (n == 0);
        return Math.max(n, 0);
    }

    private void endLine() {
        lines++;
        int from = 0;
        while (from < length && isBlank(line[from])) {
            from++;
        }
        boolean comment = from < length && (line[from] == '#' || line[from] == ';');
        if (comment || (from == length && !tooLong)) {
            reset();
            return;
        }
        total++;
        LineOutcome outcome = tooLong ? LineOutcome.TOO_LONG : entry(from);
        if (outcome == LineOutcome.DUPLICATE) {
            duplicates++;
        } else if (outcome != LineOutcome.ADDED) {
            reject(from, outcome);
        }
        reset();
    }

    private LineOutcome entry(int from) {
        int to = from;
        while (to < length) {
            byte b = line[to];
            if (b == ' ' || b == '\t' || b == '#' || b == ';' || b == ',') {
                break;
            }
            if (b < 0x21 || b > 0x7e) {
                return LineOutcome.NOT_ASCII;
            }
            to++;
        }
        return to == from ? LineOutcome.EMPTY_ENTRY : EntryParser.parseInto(line, from, to, entries);
    }

    private void reject(int from, LineOutcome outcome) {
        invalid++;
        if (samples.size() < MAX_SAMPLES) {
            int to = length;
            while (to > from && isBlank(line[to - 1])) {
                to--;
            }
            // Decoded so that one non-ASCII character becomes one '?' in InvalidLine; malformed bytes and a
            // character cut at the limit decode to U+FFFD, which becomes '?' too.
            int shown = Math.min(to - from, 4 * InvalidLine.MAX_TEXT);
            String text = new String(line, from, shown, StandardCharsets.UTF_8);
            samples.add(new InvalidLine(lines, text, outcome.reason()));
        }
    }

    private void reset() {
        length = 0;
        tooLong = false;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }
}
