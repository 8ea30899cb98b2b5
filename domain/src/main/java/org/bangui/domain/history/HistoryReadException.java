package org.bangui.domain.history;

import org.bangui.domain.shared.DomainException;

/** The ban archive could not be read. */
public final class HistoryReadException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, for the log; @param cause the store's own failure */
    public HistoryReadException(String message, Throwable cause) {
        super("history_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
