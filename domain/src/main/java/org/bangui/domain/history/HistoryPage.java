package org.bangui.domain.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of archived bans, newest first.
 *
 * @param items the entries
 * @param next where the next page continues; empty on the last page
 */
public record HistoryPage(List<HistoryEntry> items, Optional<HistoryPosition> next) {

    /** Copies the list. */
    public HistoryPage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
