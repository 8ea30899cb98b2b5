package org.bangui.domain.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One archived ban.
 *
 * @param id the archive's id; newer entries of the same {@code bannedAt} have larger ids
 * @param ban what was banned, where, when, by whom
 * @param endedAt when it ended; empty while it lasts
 * @param endReason why it ended; present exactly when {@code endedAt} is
 * @param endedBy who lifted it, for {@link EndReason#UNBANNED}: a principal such as {@code admin} or
 *                {@code system:blocklist_import}
 */
public record HistoryEntry(long id, BanRecord ban, Optional<Instant> endedAt, Optional<EndReason> endReason,
                           Optional<String> endedBy) {

    /** @throws NullPointerException if a component is null */
    public HistoryEntry {
        Objects.requireNonNull(ban, "ban");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(endedBy, "endedBy");
    }
}
