package org.bangui.adapters.web;

import java.util.Optional;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.InvalidInputException;

/** Turns raw request strings into domain values; every failure is an {@link InvalidInputException}. */
final class Inputs {

    private Inputs() {
    }

    static JailName jail(String raw) {
        return JailName.of(raw);
    }

    static IpAddress ip(String raw) {
        return IpAddress.parse(raw);
    }

    static Optional<JailName> optionalJail(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(jail(raw));
    }

    static Optional<IpAddress> optionalIp(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(ip(raw));
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("missing_field", "the field '" + field + "' is required");
        }
        return value;
    }
}
