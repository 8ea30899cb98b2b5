package org.bangui.application.blocklist;

import java.util.ArrayList;
import java.util.List;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.InvalidLine;
import org.bangui.domain.blocklist.ParsedList;

/** The figures of one import as it goes; confined to the thread that runs it. */
final class Figures {

    /** The most invalid lines kept. */
    static final int MAX_SAMPLES = 20;

    long bytes;
    long total;
    long valid;
    long invalid;
    long duplicates;
    long ignored;
    long banned;
    long unbanned;
    boolean notModified;
    /** Set once the first change may have been sent: from then on, a failure leaves work for the next import. */
    boolean applying;
    /** Some unbans found nothing to unban: those entries stay pending for one more attempt. */
    boolean unbanShortfall;
    final List<InvalidLine> samples = new ArrayList<>();

    void parsed(ParsedList list) {
        total = list.total();
        valid = list.valid();
        invalid = list.invalid();
        duplicates = list.duplicates();
        samples.addAll(list.samples());
    }

    /** Entries of the list that may never be banned: counted as invalid lines (they stay valid syntax-wise). */
    void refused(List<InvalidLine> refused) {
        invalid += refused.size();
        valid -= refused.size();
        for (InvalidLine line : refused) {
            if (samples.size() >= MAX_SAMPLES) {
                break;
            }
            samples.add(line);
        }
    }

    /** Copies the list's figures of an earlier import (a 304: the list is the one that import read). */
    void sameListAs(ImportCounts earlier) {
        total = earlier.total();
        valid = earlier.valid();
        invalid = earlier.invalid();
        duplicates = earlier.duplicates();
        ignored = earlier.ignored();
    }

    /** A copy, for a thread that reports progress while this one goes on. */
    Figures copy() {
        Figures copy = new Figures();
        copy.bytes = bytes;
        copy.total = total;
        copy.valid = valid;
        copy.invalid = invalid;
        copy.duplicates = duplicates;
        copy.ignored = ignored;
        copy.banned = banned;
        copy.unbanned = unbanned;
        copy.notModified = notModified;
        copy.applying = applying;
        copy.unbanShortfall = unbanShortfall;
        copy.samples.addAll(samples);
        return copy;
    }

    ImportCounts counts() {
        return new ImportCounts(bytes, total, valid, invalid, duplicates, ignored, banned, unbanned);
    }

    /** {@code total=.. valid=.. ...} for the log. */
    String summary() {
        return "bytes=" + bytes + " total=" + total + " valid=" + valid + " invalid=" + invalid + " duplicates="
                + duplicates + " ignored=" + ignored + " banned=" + banned + " unbanned=" + unbanned
                + " not_modified=" + notModified;
    }
}
