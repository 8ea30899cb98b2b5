package org.bangui.application.history.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.history.AddressHistory;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * What BanGUI knows about one address or network entry.
 *
 * @param target the address or network, normalised
 * @param geo where the address is now ({@link GeoInfo#UNKNOWN} for networks)
 * @param history its archived bans, newest first, capped at {@link HistoryQueryService#MAX_ADDRESS_ENTRIES}
 * @param bannedIn the jails that ban it now; empty when fail2ban could not be asked
 * @param bannedInUnknown why {@code bannedIn} is empty: the code of fail2ban's failure
 */
public record AddressReport(IpNetwork target, GeoInfo geo, AddressHistory history, Optional<List<JailName>> bannedIn,
                            Optional<String> bannedInUnknown) {

    /** Copies the jail list; @throws NullPointerException if a component is null */
    public AddressReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(history, "history");
        bannedIn = bannedIn.map(List::copyOf);
        Objects.requireNonNull(bannedInUnknown, "bannedInUnknown");
    }
}
