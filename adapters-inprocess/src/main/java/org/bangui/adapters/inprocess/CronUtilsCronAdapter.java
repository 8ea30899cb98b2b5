package org.bangui.adapters.inprocess;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bangui.domain.blocklist.CronPort;
import org.bangui.domain.shared.InvalidInputException;

/**
 * {@link CronPort} on cron-utils' UNIX definition (minute hour day-of-month month day-of-week), in UTC. An
 * expression that never fires (such as {@code 0 0 30 2 *}) is refused.
 */
public final class CronUtilsCronAdapter implements CronPort {

    private final CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @Override
    public void validate(String expression) {
        Cron cron = parse(expression);
        if (next(cron, Instant.now()).isEmpty()) {
            throw invalid("the cron expression never fires");
        }
    }

    @Override
    public Instant next(String expression, Instant after) {
        return next(parse(expression), after).orElseThrow(() -> invalid("the cron expression never fires"));
    }

    private Cron parse(String expression) {
        if (expression == null || expression.isBlank() || expression.length() > 100) {
            throw invalid("a cron expression has 5 fields: minute hour day-of-month month day-of-week");
        }
        try {
            return parser.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw invalid("not a valid 5-field cron expression (minute hour day-of-month month day-of-week)");
        }
    }

    private static Optional<Instant> next(Cron cron, Instant after) {
        return ExecutionTime.forCron(cron).nextExecution(after.atZone(ZoneOffset.UTC)).map(t -> t.toInstant());
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_schedule", message);
    }
}
