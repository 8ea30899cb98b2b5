package org.bangui.domain.ban;

import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/** An unban named an address that is not banned where the caller said. */
public final class NotBannedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotBannedException(IpNetwork target, String where) {
        super("not_banned", Category.NOT_FOUND, target.text() + " is not banned " + where);
    }
}
