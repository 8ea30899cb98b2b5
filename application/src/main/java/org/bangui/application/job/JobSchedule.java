package org.bangui.application.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** When a job runs on its own: a fixed delay after the previous run ended, or a cron expression. */
public sealed interface JobSchedule {

    /** When to run next, given when the previous run ended (or the runner started). */
    Instant nextAfter(Instant previous);

    /** When the first run happens after the runner started at {@code start}. */
    Instant first(Instant start);

    /** A short description for the API, such as {@code every 1m} or {@code cron 0 3 * * *}. */
    String describe();

    /** {@code delay} after each run ends; the first run after {@code delay}, or at once if {@code runAtStart}. */
    static JobSchedule every(Duration delay, boolean runAtStart) {
        return new FixedDelay(delay, runAtStart);
    }

    /**
     * A 5-field cron expression; {@code next} computes the next firing strictly after an instant (the parser is
     * the caller's, so that this layer needs no cron library).
     */
    static JobSchedule cron(String expression, UnaryOperator<Instant> next) {
        return new Cron(expression, next);
    }

    /** A fixed delay between the end of one run and the start of the next. */
    record FixedDelay(Duration delay, boolean runAtStart) implements JobSchedule {

        /** @throws IllegalArgumentException if the delay is not positive */
        public FixedDelay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isZero() || delay.isNegative()) {
                throw new IllegalArgumentException("a job delay must be positive");
            }
        }

        @Override
        public Instant nextAfter(Instant previous) {
            return previous.plus(delay);
        }

        @Override
        public Instant first(Instant start) {
            return runAtStart ? start : start.plus(delay);
        }

        @Override
        public String describe() {
            return "every " + text(delay);
        }

        private static String text(Duration d) {
            if (d.toMillis() % 3_600_000 == 0) {
                return d.toHours() + "h";
            }
            if (d.toMillis() % 60_000 == 0) {
                return d.toMinutes() + "m";
            }
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }
    }

    /** A cron schedule; runs that would overlap the previous one are recorded {@code skipped}. */
    record Cron(String expression, UnaryOperator<Instant> next) implements JobSchedule {

        /** @throws NullPointerException if a component is null */
        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(next, "next");
        }

        @Override
        public Instant nextAfter(Instant previous) {
            return next.apply(previous);
        }

        @Override
        public Instant first(Instant start) {
            return next.apply(start);
        }

        @Override
        public String describe() {
            return "cron " + expression;
        }
    }
}
