package org.bangui.domain.history;

import org.bangui.domain.shared.DomainException;

/** The ban archive could not be read or written. */
public final class HistoryArchiveException extends DomainException {

    private static final long serialVersionUID = 1L;

    public HistoryArchiveException(String message, Throwable cause) {
        super("history_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
