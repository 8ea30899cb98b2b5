package org.bangui.application.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.Fail2banDatabase.BanKey;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.HistoryArchivePort.Ending;
import org.bangui.domain.history.HistoryArchivePort.OpenEntry;

/**
 * Marks archived bans that ended: past their ban time ({@code expired}, at the expiry), gone from fail2ban's
 * {@code bips} table before it ({@code removed}, now), or superseded by a later ban of the same jail and ip
 * ({@code replaced}, at the later ban). Entries younger than the grace are not judged: fail2ban may not have
 * written a ban made a moment ago.
 */
final class EndedBans {

    private final HistoryArchivePort archive;
    private final Duration grace;
    private final int batchSize;

    EndedBans(HistoryArchivePort archive, Duration grace, int batchSize) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.batchSize = batchSize;
    }

    /** Ends what ended; returns how many entries ended. Stops between batches once {@code goOn} is false. */
    int check(Fail2banDatabase source, Instant now, BooleanSupplier goOn) {
        int ended = archive.endExpired(now);
        Instant startedBefore = now.minus(grace);
        long after = 0;
        while (goOn.getAsBoolean()) {
            List<OpenEntry> open = archive.openEntries(startedBefore, after, batchSize);
            if (open.isEmpty()) {
                break;
            }
            Map<BanKey, Instant> latest = source.latestBans(open.stream()
                    .map(e -> new BanKey(e.jail(), e.ip())).distinct().toList());
            List<Ending> endings = new ArrayList<>();
            for (OpenEntry entry : open) {
                Instant later = latest.get(new BanKey(entry.jail(), entry.ip()));
                if (later == null) {
                    endings.add(new Ending(entry.id(), now, EndReason.REMOVED));
                } else if (later.isAfter(entry.bannedAt().plusSeconds(
                        entry.synced() ? 0 : HistoryArchivePort.MERGE_WINDOW_SECONDS))) {
                    endings.add(new Ending(entry.id(), later, EndReason.REPLACED));
                }
            }
            if (!endings.isEmpty()) {
                ended += archive.end(endings);
            }
            after = open.get(open.size() - 1).id();
        }
        return ended;
    }
}
