package org.bangui.adapters.web.ui;

import org.bangui.domain.shared.DomainException;

/** A request for a file of the web UI that this build does not have. */
final class UiFileNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    UiFileNotFoundException(String code, String message) {
        super(code, Category.NOT_FOUND, message);
    }
}
