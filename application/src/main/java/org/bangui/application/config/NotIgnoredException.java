package org.bangui.application.config;

import org.bangui.domain.shared.DomainException;

/** The entry is not on the jail's ignore list (404 {@code not_ignored}). */
public final class NotIgnoredException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotIgnoredException(String entry) {
        super("not_ignored", Category.NOT_FOUND, entry + " is not on the jail's ignore list");
    }
}
