package org.bangui.domain.history;

import java.util.stream.Stream;
import org.bangui.domain.net.IpNetwork;

/**
 * Reads BanGUI's ban archive. Every method may throw {@link HistoryReadException} when the archive cannot be
 * read; none returns null.
 */
public interface HistoryQueryPort {

    /**
     * One page of entries matching the filter, newest first by (bannedAt, id), continuing strictly after the
     * request's position. Entries archived meanwhile never make a later page repeat or skip an older entry.
     */
    HistoryPage page(HistoryPageRequest request);

    /** Counts, timeline and top lists over the bans that started in the request's range. */
    HistoryStats stats(HistoryStatsRequest request);

    /**
     * Every entry matching the filter, newest first, read lazily from the store as the stream is consumed, so
     * that the selection is never held in memory. The stream holds a database connection: the caller must
     * close it (try-with-resources, or a reactive source that closes it on completion and cancellation).
     * A read failure while consuming surfaces as {@link HistoryReadException}.
     */
    Stream<HistoryEntry> export(HistoryFilter filter);

    /**
     * What the archive holds about one address or network entry: its total, its jails and its newest entries.
     *
     * @param max the most entries returned, at least 1
     */
    AddressHistory address(IpNetwork target, int max);
}
