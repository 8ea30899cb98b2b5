package org.bangui.adapters.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Time values in query parameters ({@code since}, {@code until}, ...): ISO-8601 instants within the range every
 * store and every calculation can hold, so that no value a client sends can overflow into a server error.
 */
public final class TimeParameters {

    /** The earliest accepted instant. */
    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest accepted instant. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    private TimeParameters() {
    }

    /**
     * The instant in {@code raw}, or empty when the parameter is absent or empty.
     *
     * @param name the parameter's name, for the message
     * @throws InvalidInputException {@code invalid_time} if it is not an ISO-8601 instant from {@link #MIN} to
     *     {@link #MAX}
     */
    public static Optional<Instant> optional(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw invalid(name);
        }
        return Optional.of(instant);
    }

    private static InvalidInputException invalid(String name) {
        return new InvalidInputException("invalid_time", name + " must be an ISO-8601 instant such as "
                + "2026-11-21T06:00:00Z, from " + MIN + " to " + MAX);
    }
}
