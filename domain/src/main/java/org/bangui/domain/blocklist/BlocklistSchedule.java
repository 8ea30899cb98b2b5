package org.bangui.domain.blocklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/**
 * When a source is imported: every fixed period ({@code 30m}, {@code 6h}, {@code 1d}; at least
 * {@link #MIN_PERIOD}) after the previous import started, or at the firings of a 5-field cron expression (UTC).
 */
public sealed interface BlocklistSchedule {

    /** The shortest period, and the shortest gap between two firings of a cron schedule. */
    Duration MIN_PERIOD = Duration.ofMinutes(5);
    /** The longest period. */
    Duration MAX_PERIOD = Duration.ofDays(366);

    /** The text the client wrote, normalised ({@code 30m}, {@code 0 3 * * *}). */
    String text();

    /** The next import after one that started at {@code previous}. */
    Instant next(Instant previous, CronPort cron);

    /**
     * Parses {@code 30m}, {@code 6h}, {@code 1d} (also {@code s}) or a 5-field cron expression.
     *
     * @throws InvalidInputException with code {@code invalid_schedule} otherwise
     */
    static BlocklistSchedule parse(String text, CronPort cron) {
        BlocklistSchedule schedule = restore(text, cron);
        if (schedule instanceof Cron c) {
            c.checkGaps(cron);
        }
        return schedule;
    }

    /**
     * Parses a schedule as stored: the checks of {@link #parse} but the (slower) check of a cron expression's
     * gaps, which it passed when it was stored.
     */
    static BlocklistSchedule restore(String text, CronPort cron) {
        if (text == null || text.isBlank()) {
            throw invalid("a schedule is required: a duration such as 6h or a 5-field cron expression");
        }
        if (text.length() > 100) {
            throw invalid("the schedule is too long");
        }
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw invalid("a schedule is printable ASCII: a duration such as 6h or a 5-field cron expression");
        }
        String trimmed = text.trim();
        String[] fields = trimmed.split("\\s+");
        if (fields.length == 5) {
            cron.validate(trimmed);
            return new Cron(String.join(" ", fields));
        }
        if (fields.length != 1) {
            throw invalid("a schedule is a duration such as 6h or a 5-field cron expression");
        }
        return Every.parse(trimmed);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_schedule", message);
    }

    /** A fixed period between the starts of two imports. */
    record Every(Duration period) implements BlocklistSchedule {

        private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

        /** @throws InvalidInputException if the period is shorter than 5 minutes or longer than 366 days */
        public Every {
            Objects.requireNonNull(period, "period");
            if (period.compareTo(MIN_PERIOD) < 0) {
                throw invalid("a schedule must be at least 5m");
            }
            if (period.compareTo(MAX_PERIOD) > 0) {
                throw invalid("a schedule must be at most 366d");
            }
        }

        static Every parse(String text) {
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
                throw invalid("not a duration such as 30m, 6h or 1d, nor a 5-field cron expression");
            }
            long n = Long.parseLong(m.group(1));
            return new Every(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }

        @Override
        public String text() {
            long s = period.toSeconds();
            if (s % 86_400 == 0) {
                return s / 86_400 + "d";
            }
            if (s % 3_600 == 0) {
                return s / 3_600 + "h";
            }
            return s % 60 == 0 ? s / 60 + "m" : s + "s";
        }

        @Override
        public Instant next(Instant previous, CronPort cron) {
            return previous.plus(period);
        }
    }

    /** A cron expression, UTC. */
    record Cron(String expression) implements BlocklistSchedule {

        /** @throws NullPointerException if the expression is null */
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String text() {
            return expression;
        }

        @Override
        public Instant next(Instant previous, CronPort cron) {
            return cron.next(expression, previous);
        }

        /**
         * Refuses firings closer than {@link #MIN_PERIOD}. The gaps of the first 5,000 firings within a year
         * are checked, from a fixed start (the answer does not depend on today; 2024 is a leap year): the
         * minute and hour fields repeat every selected day, so short gaps show within the first days, and 5,000
         * firings of the densest allowed expression span 17 days (an expression that selects fewer days
         * spans more of them).
         */
        void checkGaps(CronPort cron) {
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            Instant end = start.plus(Duration.ofDays(366));
            Instant previous = cron.next(expression, start);
            for (int i = 0; i < 5_000 && previous.isBefore(end); i++) {
                Instant next = cron.next(expression, previous);
                if (Duration.between(previous, next).compareTo(MIN_PERIOD) < 0) {
                    throw invalid("the cron expression fires more often than every 5 minutes");
                }
                previous = next;
            }
        }
    }
}
