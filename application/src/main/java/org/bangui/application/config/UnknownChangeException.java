package org.bangui.application.config;

import org.bangui.domain.shared.DomainException;

/** No kept version has that id (404 {@code unknown_change}). */
public final class UnknownChangeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownChangeException(long id) {
        super("unknown_change", Category.NOT_FOUND, "no kept configuration change " + id);
    }
}
