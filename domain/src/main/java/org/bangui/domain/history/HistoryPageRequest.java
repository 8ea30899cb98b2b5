package org.bangui.domain.history;

import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.shared.InvalidInputException;

/**
 * One page of archived bans, newest first.
 *
 * @param filter which bans
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 * @param after continue after this position (the previous page's {@link HistoryPage#next()}); empty for the
 *              first page
 */
public record HistoryPageRequest(HistoryFilter filter, int limit, Optional<HistoryPosition> after) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The page size when the caller names none. */
    public static final int DEFAULT_LIMIT = 100;

    /** @throws InvalidInputException {@code invalid_limit} if the limit is outside 1..500 */
    public HistoryPageRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
