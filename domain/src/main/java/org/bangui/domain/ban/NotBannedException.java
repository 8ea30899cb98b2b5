package org.bangui.domain.ban;

import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.DomainException;

/** An unban named an address that is not banned where the caller said. */
public final class NotBannedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotBannedException(IpAddress address, String where) {
        super("not_banned", Category.NOT_FOUND, address + " is not banned " + where);
    }
}
