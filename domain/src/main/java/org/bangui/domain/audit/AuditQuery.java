package org.bangui.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.shared.InvalidInputException;

/**
 * A page request over the audit trail, newest first, continuing below {@code beforeId} (keyset paging).
 *
 * @param action only this action
 * @param since only entries at or after
 * @param until only entries before
 * @param limit page size, 1 to 500
 * @param beforeId only entries with a smaller id (from the previous page's cursor)
 */
public record AuditQuery(Optional<AuditAction> action, Optional<Instant> since, Optional<Instant> until, int limit,
                         Optional<Long> beforeId) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    /** @throws InvalidInputException if the limit is out of range */
    public AuditQuery {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(beforeId, "beforeId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
