package org.bangui.domain.contract;

import org.bangui.domain.history.HistoryArchivePort;

/** The in-memory archive used by service tests behaves like the SQLite one. */
class InMemoryHistoryArchiveFakeTest extends HistoryArchivePortContract {

    @Override
    protected HistoryArchivePort emptyArchive() {
        return new InMemoryHistoryArchiveFake();
    }
}
