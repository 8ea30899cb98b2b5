package org.bangui.adapters.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The export formats. CSV follows RFC 4180 (every text cell quoted, quotes doubled, line breaks kept inside the
 * quotes; the matched lines of one ban are one cell, separated by line breaks) and guards against formula
 * injection: a text cell that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '},
 * since matched log lines are written by attackers. NDJSON is one {@code HistoryItem} object per line.
 */
enum HistoryExportFormat {
    CSV("text/csv", "csv"),
    NDJSON("application/x-ndjson", "ndjson");

    static final String CSV_HEADER = "id,jail,ip,bannedAt,banTimeSeconds,permanent,endedAt,endReason,endedBy,"
            + "banCount,failures,matches,country,origin\r\n";

    private final String mediaType;
    private final String extension;

    HistoryExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static HistoryExportFormat fromCode(String code) {
        for (HistoryExportFormat format : values()) {
            if (format.extension.equals(code)) {
                return format;
            }
        }
        throw new InvalidInputException("invalid_format", "format must be csv or ndjson");
    }

    String mediaType() {
        return mediaType;
    }

    String fileName() {
        return "bangui-history." + extension;
    }

    /** What comes before the first entry. */
    byte[] header() {
        return this == CSV ? CSV_HEADER.getBytes(StandardCharsets.US_ASCII) : new byte[0];
    }

    /** Appends one entry: a line (CSV lines may hold quoted line breaks). */
    void write(HistoryEntry entry, Utf8Buffer out) {
        if (this == NDJSON) {
            HistoryItemEncoder.json(entry, out);
            out.ascii('\n');
        } else {
            HistoryItemEncoder.csv(entry, out);
        }
    }

    static String csvLine(HistoryEntry entry) { // for its test
        Utf8Buffer line = new Utf8Buffer(256);
        HistoryItemEncoder.csv(entry, line);
        return new String(line.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
