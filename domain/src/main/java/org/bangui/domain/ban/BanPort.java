package org.bangui.domain.ban;

import java.util.List;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;

/**
 * Live bans held by the fail2ban server.
 *
 * <p>Every method may throw {@link org.bangui.domain.server.ServerUnavailableException} when fail2ban cannot be
 * reached and {@link org.bangui.domain.server.CommandRejectedException} when it refuses a command. Methods
 * that name a jail throw {@link org.bangui.domain.jail.UnknownJailException} if it does not exist.
 */
public interface BanPort {

    /** The active bans of one jail with their start and duration; never null. */
    List<Ban> activeBans(JailName jail);

    /**
     * Bans addresses in a jail. Callers must have applied {@link BanPolicy} first: fail2ban bans anything.
     *
     * @param addresses the addresses; large lists are sent in batches
     * @return how many of them were newly banned (already banned ones are not counted)
     */
    int ban(JailName jail, List<IpAddress> addresses);

    /**
     * Lifts the ban of one address in one jail.
     *
     * @return true if the address was banned there and no longer is, false if it was not banned
     */
    boolean unban(JailName jail, IpAddress address);

    /**
     * Lifts every ban of an address, in all jails.
     *
     * @return the number of bans lifted, 0 if there was none
     */
    int unbanEverywhere(IpAddress address);

    /** The jails in which the address is banned now; empty if none. */
    List<JailName> jailsBanning(IpAddress address);
}
