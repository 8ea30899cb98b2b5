package org.bangui.adapters.web;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** Some entries, encoded; one line each (CSV lines may hold quoted line breaks). */
    byte[] encode(List<HistoryEntry> entries, JsonMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 256);
        try {
            for (HistoryEntry entry : entries) {
                if (this == NDJSON) {
                    out.write(json.writeValueAsBytes(HistoryViews.HistoryItem.of(entry)));
                    out.write('\n');
                } else {
                    out.write(csvLine(HistoryViews.HistoryItem.of(entry)).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String csvLine(HistoryViews.HistoryItem item) {
        StringBuilder line = new StringBuilder(256);
        line.append(item.id()).append(',');
        text(line, item.jail()).append(',');
        text(line, item.ip()).append(',');
        line.append(item.bannedAt()).append(',');
        line.append(item.banTimeSeconds() == null ? "" : item.banTimeSeconds()).append(',');
        line.append(item.permanent()).append(',');
        line.append(item.endedAt() == null ? "" : item.endedAt()).append(',');
        text(line, item.endReason()).append(',');
        text(line, item.endedBy()).append(',');
        line.append(item.banCount()).append(',').append(item.failures()).append(',');
        text(line, String.join("\n", item.matches())).append(',');
        text(line, item.country()).append(',');
        text(line, item.origin()).append("\r\n");
        return line.toString();
    }

    /** A quoted text cell (empty for null), guarded against formula injection. */
    static StringBuilder text(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        line.append('"');
        if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            line.append('\'');
        }
        return line.append(value.replace("\"", "\"\"")).append('"');
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
