package org.bangui.domain.session;

import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/** The public identifier of a session: 32 lower-case hex characters. It is not a credential. */
public record SessionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    /** @throws InvalidInputException if the value is not 32 lower-case hex characters */
    public SessionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("invalid_session_id", "a session id is 32 lower-case hex characters");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
