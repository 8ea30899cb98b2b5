package org.bangui.domain.config;

import org.bangui.domain.shared.DomainException;

/** A reload did not leave fail2ban running what the files say; the message says what failed. */
public final class ReloadFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ReloadFailedException(String message) {
        super("reload_failed", Category.BAD_GATEWAY, message);
    }
}
