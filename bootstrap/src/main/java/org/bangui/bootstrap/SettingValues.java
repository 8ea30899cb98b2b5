package org.bangui.bootstrap;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.ratelimit.RateLimit;

/**
 * Parses setting values strictly. Micronaut's own conversion falls back to the default when a value does
 * not convert, which would hide a typo; these parsers refuse it with the setting's name instead.
 */
final class SettingValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern RATE = Pattern.compile("(\\d{1,9})/(\\d{1,9}(?:ms|s|m|h))");

    private SettingValues() {
    }

    /**
     * A rate limit written {@code permits/window}, such as {@code 200/1m} or {@code 10/1h}; {@code off} disables it.
     *
     * @throws IllegalArgumentException naming the setting if the value is malformed
     */
    static Optional<RateLimit> rateLimit(String setting, String value) {
        if (value != null && value.trim().equals("off")) {
            return Optional.empty();
        }
        Matcher m = value == null ? null : RATE.matcher(value.trim());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(setting + ": '" + value
                    + "' is not a rate limit such as 200/1m or 10/1h (or off)");
        }
        return Optional.of(new RateLimit(Long.parseLong(m.group(1)), duration(setting, m.group(2))));
    }

    /** {@code true} or {@code false}, nothing else. */
    static boolean bool(String setting, String value) {
        if ("true".equals(value == null ? null : value.trim())) {
            return true;
        }
        if ("false".equals(value == null ? null : value.trim())) {
            return false;
        }
        throw new IllegalArgumentException(setting + ": '" + value + "' is neither true nor false");
    }

    /**
     * A positive duration written as a number and a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}.
     *
     * @throws IllegalArgumentException naming the setting if the value is malformed or zero
     */
    static Duration duration(String setting, String value) {
        Matcher m = value == null ? null : DURATION.matcher(value.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(setting + ": '" + value
                    + "' is not a duration such as 500ms, 10s, 5m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException(setting + ": must be longer than zero");
        }
        return duration;
    }
}
