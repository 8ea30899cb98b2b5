package org.bangui.domain.blocklist;

/**
 * The figures of an import.
 *
 * @param bytes bytes downloaded (on the wire)
 * @param total lines that carry an entry (not blank, not comments)
 * @param valid of those, lines that parsed ({@code total - invalid})
 * @param invalid lines that did not parse, or named an entry that may never be banned (loopback, too wide ...)
 * @param duplicates valid lines that repeat an entry
 * @param ignored distinct entries skipped because the jail's {@code ignoreip} covers them
 * @param banned entries newly banned by this import
 * @param unbanned entries unbanned by this import
 */
public record ImportCounts(long bytes, long total, long valid, long invalid, long duplicates, long ignored,
                           long banned, long unbanned) {

    /** Nothing yet. */
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
