package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/** Another source has the name. Code {@code name_taken}. */
public final class BlocklistNameTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BlocklistNameTakenException() {
        super("name_taken", Category.CONFLICT, "another blocklist has this name");
    }
}
