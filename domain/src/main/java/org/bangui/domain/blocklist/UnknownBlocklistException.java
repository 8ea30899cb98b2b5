package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/** No source, or no import, has this id. Code {@code unknown_blocklist} or {@code unknown_import}. */
public final class UnknownBlocklistException extends DomainException {

    private static final long serialVersionUID = 1L;

    private UnknownBlocklistException(String code, String message) {
        super(code, Category.NOT_FOUND, message);
    }

    /** No source has the id. */
    public static UnknownBlocklistException source() {
        return new UnknownBlocklistException("unknown_blocklist", "no blocklist has this id");
    }

    /** No import has the id. */
    public static UnknownBlocklistException importRun() {
        return new UnknownBlocklistException("unknown_import", "no import has this id");
    }
}
