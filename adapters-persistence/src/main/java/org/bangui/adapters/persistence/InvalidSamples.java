package org.bangui.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import org.bangui.domain.blocklist.InvalidLine;

/**
 * The {@code blocklist_import.invalid_samples} column: one sample per line, {@code number TAB text TAB reason}.
 * Text and reason are printable ASCII already; tabs and line breaks are replaced all the same.
 */
final class InvalidSamples {

    private InvalidSamples() {
    }

    static String write(List<InvalidLine> samples) {
        StringBuilder out = new StringBuilder();
        for (InvalidLine sample : samples) {
            out.append(sample.line()).append('\t').append(clean(sample.text())).append('\t')
                    .append(clean(sample.reason())).append('\n');
        }
        return out.toString();
    }

    static List<InvalidLine> read(String column) {
        List<InvalidLine> samples = new ArrayList<>();
        if (column == null) {
            return samples;
        }
        for (String row : column.split("\n")) {
            String[] fields = row.split("\t", 3);
            if (fields.length == 3) {
                try {
                    samples.add(new InvalidLine(Long.parseLong(fields[0]), fields[1], fields[2]));
                } catch (NumberFormatException malformed) {
                    // never written by BanGUI: leave the row out rather than fail the whole import
                }
            }
        }
        return samples;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
