package org.bangui.application.ban;

import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/** The address is already banned in the jail; fail2ban kept the existing ban. */
public final class AlreadyBannedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AlreadyBannedException(JailName jail, IpNetwork target) {
        super("already_banned", Category.CONFLICT, target.text() + " is already banned in " + jail
                + "; its ban was left as it is");
    }
}
