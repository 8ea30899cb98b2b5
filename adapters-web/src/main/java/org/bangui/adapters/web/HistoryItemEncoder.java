package org.bangui.adapters.web;

import java.util.List;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryPage;

/**
 * Writes one archived ban straight into a {@link Utf8Buffer}: as the JSON object of
 * {@link HistoryViews.HistoryItem} (same fields, order and nulls as the serialised record) or as one RFC 4180
 * CSV line of {@link HistoryExportFormat#CSV_HEADER}. Exports and pages write hundreds of thousands of these,
 * so no view record, formatter or intermediate string is made per row.
 */
final class HistoryItemEncoder {

    private HistoryItemEncoder() {
    }

    /** A page as the JSON of {@link HistoryViews.HistoryResponse}. */
    static byte[] page(HistoryPage page) {
        Utf8Buffer body = new Utf8Buffer(64 + page.items().size() * 512);
        body.ascii("{\"items\":[");
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                body.ascii(',');
            }
            json(page.items().get(i), body);
        }
        body.ascii("],\"nextCursor\":").jsonString(page.next().map(HistoryCursor::encode).orElse(null)).ascii('}');
        return body.toByteArray();
    }

    static void json(HistoryEntry entry, Utf8Buffer out) {
        BanRecord ban = entry.ban();
        out.ascii("{\"id\":").number(entry.id());
        out.ascii(",\"jail\":").jsonString(ban.jail());
        out.ascii(",\"ip\":").jsonString(ban.ip());
        out.ascii(",\"bannedAt\":\"");
        IsoInstants.append(out, ban.bannedAt().toEpochMilli());
        out.ascii("\",\"banTimeSeconds\":");
        if (ban.banSeconds().isPresent()) {
            out.number(ban.banSeconds().get());
        } else {
            out.ascii("null");
        }
        out.ascii(",\"permanent\":").ascii(ban.permanent() ? "true" : "false");
        out.ascii(",\"endedAt\":");
        if (entry.endedAt().isPresent()) {
            IsoInstants.append(out.ascii('"'), entry.endedAt().get().toEpochMilli());
            out.ascii('"');
        } else {
            out.ascii("null");
        }
        out.ascii(",\"endReason\":").jsonString(entry.endReason().map(EndReason::code).orElse(null));
        out.ascii(",\"endedBy\":").jsonString(entry.endedBy().orElse(null));
        out.ascii(",\"banCount\":").number(ban.banCount());
        out.ascii(",\"failures\":").number(ban.failures());
        out.ascii(",\"matches\":[");
        List<String> matches = ban.matches();
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            out.jsonString(matches.get(i));
        }
        out.ascii("],\"country\":").jsonString(ban.country().orElse(null));
        out.ascii(",\"origin\":").jsonString(ban.origin().code()).ascii('}');
    }

    static void csv(HistoryEntry entry, Utf8Buffer out) {
        BanRecord ban = entry.ban();
        out.number(entry.id()).ascii(',');
        out.csvCell(ban.jail()).ascii(',');
        out.csvCell(ban.ip()).ascii(',');
        IsoInstants.append(out, ban.bannedAt().toEpochMilli());
        out.ascii(',');
        if (ban.banSeconds().isPresent()) {
            out.number(ban.banSeconds().get());
        }
        out.ascii(',').ascii(ban.permanent() ? "true" : "false").ascii(',');
        if (entry.endedAt().isPresent()) {
            IsoInstants.append(out, entry.endedAt().get().toEpochMilli());
        }
        out.ascii(',');
        out.csvCell(entry.endReason().map(EndReason::code).orElse(null)).ascii(',');
        out.csvCell(entry.endedBy().orElse(null)).ascii(',');
        out.number(ban.banCount()).ascii(',').number(ban.failures()).ascii(',');
        out.csvCell(String.join("\n", ban.matches())).ascii(',');
        out.csvCell(ban.country().orElse(null)).ascii(',');
        out.csvCell(ban.origin().code()).ascii("\r\n");
    }
}
