package org.bangui.bootstrap;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses setting values strictly. Micronaut's own conversion falls back to the default when a value does
 * not convert, which would hide a typo; these parsers refuse it with the setting's name instead.
 */
final class SettingValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private SettingValues() {
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
