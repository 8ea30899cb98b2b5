package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/** An import of the source is running, or its entries are being released. Code {@code import_running}. */
public final class ImportRunningException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ImportRunningException() {
        super("import_running", Category.CONFLICT, "an import of this blocklist is running");
    }
}
