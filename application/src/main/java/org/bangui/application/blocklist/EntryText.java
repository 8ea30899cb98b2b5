package org.bangui.application.blocklist;

import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/** Reads entries back in fail2ban's spelling, as the state store and fail2ban's ban list hold them. */
final class EntryText {

    private EntryText() {
    }

    /** The network, or null for a ban id that is not one. */
    static IpNetwork parse(String text) {
        try {
            return IpNetwork.parse(text).normalized();
        } catch (InvalidInputException notANetwork) {
            return null;
        }
    }
}
