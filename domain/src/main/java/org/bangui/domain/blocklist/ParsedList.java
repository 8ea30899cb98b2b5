package org.bangui.domain.blocklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.domain.net.IpNetwork;

/**
 * What {@link BlocklistParser} made of a list: the counts, up to {@link BlocklistParser#MAX_SAMPLES} samples of
 * invalid lines in line order, and the distinct valid entries.
 *
 * <p>The counts satisfy {@code lines >= total >= invalid} and, as long as only {@link #withRejected} removes
 * entries, {@code entries.size() == valid() - duplicates}. The record holds the mutable {@link EntrySet} as it
 * is (no copy: a million entries): a later stage that removes entries which may not be banned does so on
 * {@link #entries()} and reports them through {@link #withRejected}.
 *
 * @param lines every line read
 * @param total the lines that carry an entry (not blank, not a comment)
 * @param invalid the lines (and entries rejected later) that are not a valid entry
 * @param duplicates the valid lines whose normalised entry an earlier line already gave
 * @param samples the first invalid lines, at most {@link BlocklistParser#MAX_SAMPLES}
 * @param entries the distinct valid entries
 */
public record ParsedList(long lines, long total, long invalid, long duplicates, List<InvalidLine> samples,
        EntrySet entries) {

    /**
     * @throws NullPointerException if {@code samples} or {@code entries} is null
     * @throws IllegalArgumentException if a count is negative or the counts contradict each other, or there
     *     are more than {@link BlocklistParser#MAX_SAMPLES} samples
     */
    public ParsedList {
        Objects.requireNonNull(entries, "entries");
        samples = List.copyOf(samples);
        if (duplicates < 0 || invalid < 0 || total < invalid || lines < total || total - invalid < duplicates) {
            throw new IllegalArgumentException("inconsistent counts");
        }
        if (samples.size() > BlocklistParser.MAX_SAMPLES) {
            throw new IllegalArgumentException("at most " + BlocklistParser.MAX_SAMPLES + " samples");
        }
    }

    /** The lines that carry a valid entry, duplicates included. */
    public long valid() {
        return total - invalid;
    }

    /**
     * Counts entries that a later stage removed from {@link #entries()} (loopback, the jail's ignoreip) as
     * invalid, one invalid line each, and adds them to the samples (line 0, while there is room). Lines that
     * repeated such an entry stay counted as duplicates.
     *
     * @param removed the entries already removed from {@link #entries()}
     * @param reason why they may not be banned, e.g. {@code in the jail's ignoreip}
     * @return the updated list, sharing the same {@link EntrySet}
     * @throws IllegalArgumentException if more entries are reported than there are valid lines
     */
    public ParsedList withRejected(List<IpNetwork> removed, String reason) {
        Objects.requireNonNull(reason, "reason");
        List<InvalidLine> more = new ArrayList<>(samples);
        for (IpNetwork network : removed) {
            if (more.size() == BlocklistParser.MAX_SAMPLES) {
                break;
            }
            more.add(new InvalidLine(0, network.text(), reason));
        }
        return new ParsedList(lines, total, invalid + removed.size(), duplicates, more, entries);
    }
}
