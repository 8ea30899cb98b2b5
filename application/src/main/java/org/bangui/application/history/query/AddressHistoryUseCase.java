package org.bangui.application.history.query;

import org.bangui.domain.net.IpNetwork;

/** Everything known about one address (or network entry): archive, country, current bans. */
public interface AddressHistoryUseCase {

    /**
     * The report; fail2ban being unreachable does not fail it (see {@link AddressReport#bannedIn()}).
     *
     * @throws org.bangui.domain.history.HistoryReadException if the archive cannot be read
     */
    AddressReport address(IpNetwork target);
}
