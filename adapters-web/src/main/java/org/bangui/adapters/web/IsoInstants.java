package org.bangui.adapters.web;

import java.time.Instant;

/**
 * Formats epoch milliseconds exactly as {@link Instant#toString()} does ({@code 2026-11-01T10:00:00Z},
 * {@code 2026-11-01T10:00:00.250Z}), without the formatter's per-call allocations: history pages and exports
 * print two instants per row. Years outside 0000-9999 go through {@link Instant#toString()}.
 */
final class IsoInstants {

    private static final long DAY = 86_400_000L;
    private static final long MIN = -62_167_219_200_000L; // 0000-01-01T00:00:00Z
    private static final long MAX = 253_402_300_800_000L; // 10000-01-01T00:00:00Z

    private IsoInstants() {
    }

    static void append(Utf8Buffer out, long epochMilli) {
        if (epochMilli < MIN || epochMilli >= MAX) {
            out.ascii(Instant.ofEpochMilli(epochMilli).toString());
            return;
        }
        long days = Math.floorDiv(epochMilli, DAY);
        int ofDay = (int) Math.floorMod(epochMilli, DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        digits(out, year, 4).ascii('-');
        digits(out, month, 2).ascii('-');
        digits(out, day, 2).ascii('T');
        digits(out, ofDay / 3_600_000, 2).ascii(':');
        digits(out, ofDay / 60_000 % 60, 2).ascii(':');
        digits(out, ofDay / 1000 % 60, 2);
        if (ofDay % 1000 != 0) {
            digits(out.ascii('.'), ofDay % 1000, 3);
        }
        out.ascii('Z');
    }

    private static Utf8Buffer digits(Utf8Buffer out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.ascii((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
