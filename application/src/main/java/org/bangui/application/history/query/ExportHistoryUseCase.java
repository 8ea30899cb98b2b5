package org.bangui.application.history.query;

import java.util.stream.Stream;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryFilter;

/** Streams a whole selection of the archive, newest first, in constant memory. */
public interface ExportHistoryUseCase {

    /**
     * The selection, read lazily. The caller must close the stream (it holds a database connection).
     *
     * @throws org.bangui.domain.history.HistoryReadException if the archive cannot be read
     */
    Stream<HistoryEntry> export(HistoryFilter filter);
}
