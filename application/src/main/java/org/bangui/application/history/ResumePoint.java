package org.bangui.application.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.history.Fail2banBanRow;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.SyncMark;

/**
 * Finds the rowid after which fail2ban's {@code bans} rows are new. The mark's row still there with the same
 * identity: resume after it. Otherwise (fail2ban deleted it and SQLite may have reused its rowid, or the file
 * was replaced) walk down from the mark to the first row that is already archived and resume after it; none:
 * start again at 0, which is safe because archiving is idempotent.
 */
final class ResumePoint {

    private final HistoryArchivePort archive;
    private final int batchSize;

    ResumePoint(HistoryArchivePort archive, int batchSize) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.batchSize = batchSize;
    }

    /** The rowid to read after; 0 to read every row. */
    long find(Fail2banDatabase source, Optional<SyncMark> mark) {
        if (mark.isEmpty()) {
            return 0;
        }
        SyncMark last = mark.get();
        if (source.banAt(last.rowid()).filter(last::identifies).isPresent()) {
            return last.rowid();
        }
        long below = last.rowid();
        while (below > 0) {
            List<Fail2banBanRow> rows = source.bansAtOrBelow(below, batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            for (Fail2banBanRow row : rows) {
                if (archive.contains(row.jail(), row.ip(), row.timeOfBan())) {
                    return row.rowid();
                }
            }
            below = rows.get(rows.size() - 1).rowid() - 1;
        }
        return 0;
    }
}
