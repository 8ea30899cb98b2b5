package org.bangui.application.blocklist;

import org.bangui.domain.blocklist.ImportStatus;

/**
 * Told about every blocklist import (or release) that ended, for operational figures (metrics). An
 * implementation must be quick and must not throw.
 */
public interface BlocklistImportObserver {

    /** Observes nothing. */
    BlocklistImportObserver NONE = (status, banned, unbanned) -> { };

    /**
     * An import ended.
     *
     * @param status how it ended
     * @param banned entries it banned
     * @param unbanned entries it unbanned
     */
    void finished(ImportStatus status, long banned, long unbanned);
}
