package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/** The blocklist store failed. Code {@code blocklist_store_failed}. */
public final class BlocklistStoreException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BlocklistStoreException(String message, Throwable cause) {
        super("blocklist_store_failed", Category.UNAVAILABLE, message, cause);
    }
}
