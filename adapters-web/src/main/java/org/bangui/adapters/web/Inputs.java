package org.bangui.adapters.web;

import java.util.Optional;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/** Turns raw request strings into domain values; every failure is an {@link InvalidInputException}. */
final class Inputs {

    private static final int MAX_TARGET = 64;

    private Inputs() {
    }

    static JailName jail(String raw) {
        return JailName.of(raw);
    }

    static Optional<JailName> optionalJail(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(jail(raw));
    }

    /** An address or a CIDR network, normalised as fail2ban stores it (host bits cleared). */
    static IpNetwork banTarget(String raw) {
        if (raw != null && raw.length() > MAX_TARGET) {
            throw new InvalidInputException("invalid_ip", "not an IP address or network");
        }
        return IpNetwork.parse(raw).normalized();
    }

    static Optional<IpNetwork> optionalBanTarget(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(banTarget(raw));
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("missing_field", "the field '" + field + "' is required");
        }
        return value;
    }

    /** A required JSON string: numbers, booleans, arrays and objects are refused, not coerced. */
    static String string(Object value, String field) {
        if (!(required(value, field) instanceof String text)) {
            throw new InvalidInputException("wrong_type", "the field '" + field + "' must be a string");
        }
        return text;
    }

    /** A required JSON integer (no fractions, no strings of digits). */
    static long integer(Object value, String field) {
        Object given = required(value, field);
        if (given instanceof Integer || given instanceof Long || given instanceof Short || given instanceof Byte) {
            return ((Number) given).longValue();
        }
        if (given instanceof java.math.BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        throw new InvalidInputException("wrong_type", "the field '" + field + "' must be an integer");
    }

    /** A required JSON boolean: {@code "true"}, 1 and other look-alikes are refused, not coerced. */
    static boolean bool(Object value, String field) {
        if (!(required(value, field) instanceof Boolean flag)) {
            throw new InvalidInputException("wrong_type", "the field '" + field + "' must be true or false");
        }
        return flag;
    }

    /**
     * An optional {@code limit} query parameter: digits only (no sign, no spaces), {@code defaultLimit} when absent.
     * Its range is checked by the use case, which owns it; at most 9 digits here, so parsing cannot overflow.
     */
    static int limit(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultLimit;
        }
        if (raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("invalid_limit", "limit must be a whole number between 1 and " + max);
        }
        return Integer.parseInt(raw);
    }
}
