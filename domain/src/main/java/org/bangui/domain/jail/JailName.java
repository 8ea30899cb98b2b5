package org.bangui.domain.jail;

import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The name of a fail2ban jail, restricted to a conservative allow-list because it reaches the fail2ban
 * socket, command lines and file names: 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}, starting with a
 * letter or digit, never containing {@code ..}.
 */
public record JailName(String value) implements Comparable<JailName> {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** @throws InvalidInputException if the name is null or outside the allow-list */
    public JailName {
        if (value == null || !ALLOWED.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInputException("invalid_jail_name",
                    "jail names are 1-64 characters of A-Z a-z 0-9 . _ - and start with a letter or digit");
        }
    }

    /** Named factory; see the class contract. */
    public static JailName of(String value) {
        return new JailName(value);
    }

    @Override
    public int compareTo(JailName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
