package org.bangui.domain.ban;

import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/** A manual ban was refused before reaching fail2ban. */
public final class BanRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private BanRefusedException(String code, Category category, String message) {
        super(code, category, message);
    }

    /** The address can never be banned (loopback, unspecified). */
    public static BanRefusedException notBannable(IpAddress address, String reason) {
        return new BanRefusedException("address_not_bannable", Category.INVALID_INPUT,
                address + " cannot be banned: " + reason);
    }

    /** The jail's configuration says to ignore this address. */
    public static BanRefusedException ignored(IpAddress address, IpNetwork network) {
        return new BanRefusedException("address_ignored", Category.CONFLICT,
                address + " is covered by the jail's ignoreip entry " + network);
    }
}
