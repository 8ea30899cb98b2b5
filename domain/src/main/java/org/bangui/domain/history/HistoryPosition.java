package org.bangui.domain.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in the archive's order, newest first: (bannedAt DESC, id DESC). A page continues with the entries
 * strictly after it, so entries archived meanwhile (with larger ids or later times) never shift a page.
 *
 * @param bannedAt the start of the last entry of the previous page
 * @param id that entry's id
 */
public record HistoryPosition(Instant bannedAt, long id) {

    /** @throws NullPointerException if {@code bannedAt} is null; @throws IllegalArgumentException if id < 1 */
    public HistoryPosition {
        Objects.requireNonNull(bannedAt, "bannedAt");
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive");
        }
    }

    /** The position of an entry. */
    public static HistoryPosition of(HistoryEntry entry) {
        return new HistoryPosition(entry.ban().bannedAt(), entry.id());
    }
}
