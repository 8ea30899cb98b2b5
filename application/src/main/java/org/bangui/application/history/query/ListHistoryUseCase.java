package org.bangui.application.history.query;

import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPageRequest;

/** Pages through the ban archive, newest first. */
public interface ListHistoryUseCase {

    /** One page; @throws org.bangui.domain.history.HistoryReadException if the archive cannot be read */
    HistoryPage list(HistoryPageRequest request);
}
