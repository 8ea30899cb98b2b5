package org.bangui.application.history.query;

import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.history.HistoryStatsRequest;

/** Counts archived bans over a time range: a timeline and the top jails, addresses and countries. */
public interface HistoryStatsUseCase {

    /** The statistics; @throws org.bangui.domain.history.HistoryReadException if the archive cannot be read */
    HistoryStats stats(HistoryStatsRequest request);
}
