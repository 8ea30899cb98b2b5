package org.bangui.domain.config;

import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The name of a jail, filter or action in fail2ban's configuration. It becomes a section header and a file name,
 * so it is allow-listed: 1 to 64 characters of {@code A-Z a-z 0-9 _ . -}, starting with a letter or digit, never
 * containing {@code ..}.
 */
public record ConfigName(String value) implements Comparable<ConfigName> {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** @throws InvalidInputException if the name is null or outside the allow-list */
    public ConfigName {
        if (value == null || !ALLOWED.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInputException("invalid_name",
                    "names are 1-64 characters of A-Z a-z 0-9 _ . - and start with a letter or digit");
        }
    }

    /** Named factory; see the class contract. */
    public static ConfigName of(String value) {
        return new ConfigName(value);
    }

    @Override
    public int compareTo(ConfigName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
