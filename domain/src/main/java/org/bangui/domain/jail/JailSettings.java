package org.bangui.domain.jail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Runtime settings of a jail, each optional: ban time in seconds ({@code -1} permanent), find time in seconds,
 * failures before a ban.
 */
public record JailSettings(OptionalLong bantime, OptionalLong findtime, OptionalInt maxretry) {

    /** Ten years: longer ban times are written as permanent ({@code -1}). */
    public static final long MAX_SECONDS = 10L * 366 * 24 * 3600;

    /** @throws InvalidInputException if a value is out of range or none is given */
    public JailSettings {
        if (bantime.isEmpty() && findtime.isEmpty() && maxretry.isEmpty()) {
            throw new InvalidInputException("no_settings", "give at least one of bantime, findtime, maxretry");
        }
        if (bantime.isPresent() && bantime.getAsLong() != -1
                && (bantime.getAsLong() < 1 || bantime.getAsLong() > MAX_SECONDS)) {
            throw new InvalidInputException("invalid_bantime", "bantime is -1 (permanent) or 1 to "
                    + MAX_SECONDS + " seconds");
        }
        if (findtime.isPresent() && (findtime.getAsLong() < 1 || findtime.getAsLong() > MAX_SECONDS)) {
            throw new InvalidInputException("invalid_findtime", "findtime is 1 to " + MAX_SECONDS + " seconds");
        }
        if (maxretry.isPresent() && (maxretry.getAsInt() < 1 || maxretry.getAsInt() > 1_000_000)) {
            throw new InvalidInputException("invalid_maxretry", "maxretry is 1 to 1000000");
        }
    }

    /** The settings as {@code key -> integer text}, for fail2ban's {@code set} and for the files. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        bantime.ifPresent(v -> text.put("bantime", Long.toString(v)));
        findtime.ifPresent(v -> text.put("findtime", Long.toString(v)));
        maxretry.ifPresent(v -> text.put("maxretry", Integer.toString(v)));
        return text;
    }
}
