package org.bangui.domain.blocklist;

import java.time.Instant;

/** Reads 5-field cron expressions (minute hour day-of-month month day-of-week, UTC), with a maintained parser. */
public interface CronPort {

    /**
     * Checks an expression.
     *
     * @throws org.bangui.domain.shared.InvalidInputException with code {@code invalid_schedule} if it is not a
     *         valid 5-field expression
     */
    void validate(String expression);

    /** The first firing strictly after {@code after}; the expression must be valid. */
    Instant next(String expression, Instant after);
}
