package org.bangui.domain.ban;

import org.bangui.domain.shared.DomainException;

/** The ban archive could not be read or written. */
public final class BanHistoryException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BanHistoryException(String message, Throwable cause) {
        super("history_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
