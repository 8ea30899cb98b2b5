package org.bangui.domain.history;

import org.bangui.domain.shared.DomainException;

/**
 * fail2ban's database cannot be read now: there is none, the file is missing, unreadable or locked. A
 * retried condition: the next sync tries again.
 */
public final class Fail2banDatabaseUnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason a short snake_case reason for logs and run details, such as {@code missing}; never a path */
    public Fail2banDatabaseUnavailableException(String reason, String message, Throwable cause) {
        super("fail2ban_database_unavailable", Category.UNAVAILABLE, message, cause);
        this.reason = reason;
    }

    /** The short reason: {@code no_database}, {@code missing}, {@code unreadable}, {@code locked}, ... */
    public String reason() {
        return reason;
    }
}
