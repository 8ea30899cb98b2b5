package org.bangui.domain.jail;

import org.bangui.domain.shared.DomainException;

/** fail2ban has no jail of that name (it may never have existed, or it was stopped). */
public final class UnknownJailException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownJailException(JailName name) {
        super("unknown_jail", Category.NOT_FOUND, "no such jail: " + name);
    }

    private UnknownJailException(JailName name, Category category) {
        super("unknown_jail", category, "no such jail: " + name);
    }

    /** The jail is named in a request body (a blocklist's jail), not in the path: the request cannot be processed. */
    public static UnknownJailException referenced(JailName name) {
        return new UnknownJailException(name, Category.UNPROCESSABLE);
    }
}
