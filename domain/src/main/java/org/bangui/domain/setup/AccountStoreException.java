package org.bangui.domain.setup;

import org.bangui.domain.shared.DomainException;

/** The administrator account could not be read or written. */
public final class AccountStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AccountStoreException(String message, Throwable cause) {
        super("account_store_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
