package org.bangui.adapters.web.openapi;

import org.bangui.domain.shared.DomainException;

/** A request for a file of the API documentation page that does not exist. */
final class ApiDocsFileNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    ApiDocsFileNotFoundException() {
        super("unknown_docs_file", Category.NOT_FOUND, "there is no such file of the API documentation");
    }
}
