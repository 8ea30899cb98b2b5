package org.bangui.domain.setup;

import org.bangui.domain.shared.DomainException;

/** Setup is required first, or has been completed already. */
public final class SetupException extends DomainException {

    private static final long serialVersionUID = 1L;

    private SetupException(String code, Category category, String message) {
        super(code, category, message);
    }

    /** Any endpoint but the probes and setup itself, before setup. */
    public static SetupException required() {
        return new SetupException("setup_required", Category.CONFLICT,
                "BanGUI is not set up yet: complete first-run setup with POST /api/v1/setup");
    }

    /** A second setup. */
    public static SetupException alreadyComplete() {
        return new SetupException("setup_complete", Category.CONFLICT, "setup has already been completed");
    }

    /** A missing or wrong setup token. */
    public static SetupException badToken() {
        return new SetupException("invalid_setup_token", Category.FORBIDDEN,
                "the setup token is missing or wrong: it is in the file setup-token beside the database");
    }
}
