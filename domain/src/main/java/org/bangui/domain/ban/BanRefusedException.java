package org.bangui.domain.ban;

import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/** A manual ban was refused before reaching fail2ban. */
public final class BanRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private BanRefusedException(String code, Category category, String message) {
        super(code, category, message);
    }

    /** The address or network can never be banned (loopback, unspecified, own address, too wide...). */
    public static BanRefusedException notBannable(IpNetwork target, String reason) {
        return new BanRefusedException("address_not_bannable", Category.INVALID_INPUT,
                target.text() + " cannot be banned: " + reason);
    }

    /** The jail's configuration says to ignore this address, or part of this network. */
    public static BanRefusedException ignored(IpNetwork target, IpNetwork network) {
        return new BanRefusedException("address_ignored", Category.CONFLICT, target.text()
                + (target.isHost() ? " is covered by" : " overlaps") + " the jail's ignoreip entry " + network.text());
    }
}
