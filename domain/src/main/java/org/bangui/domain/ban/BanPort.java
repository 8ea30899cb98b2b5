package org.bangui.domain.ban;

import java.util.List;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * Live bans held by the fail2ban server. A ban target is one address (a host network, /32 or /128) or a
 * network; networks are normalised (host bits cleared), as fail2ban stores them.
 *
 * <p>Every method may throw {@link org.bangui.domain.server.ServerUnavailableException} when fail2ban cannot be
 * reached and {@link org.bangui.domain.server.CommandRejectedException} when it refuses a command. Methods
 * that change state throw {@link org.bangui.domain.server.CommandOutcomeUnknownException} instead when
 * fail2ban received the command but did not answer in time. Methods that name a jail throw
 * {@link org.bangui.domain.jail.UnknownJailException} if it does not exist.
 */
public interface BanPort {

    /** The active bans of one jail, addresses and networks, with their start and duration; never null. */
    List<Ban> activeBans(JailName jail);

    /**
     * Bans addresses or networks in a jail. Callers must have applied {@link BanPolicy} first: fail2ban bans
     * anything. fail2ban restarts the ban of a target it already holds, so callers that must not extend an
     * existing ban check {@link #jailsBanning} first.
     *
     * @param targets the targets; large lists are sent in batches
     * @return how many of them were newly banned (already banned ones are not counted)
     */
    int ban(JailName jail, List<IpNetwork> targets);

    /**
     * Lifts the ban of one address or network entry in one jail (a network entry only as a whole).
     *
     * @return true if the target was banned there and no longer is, false if it was not banned
     */
    boolean unban(JailName jail, IpNetwork target);

    /**
     * Lifts the bans of many entries in one jail, in batches; entries that are not banned are passed over.
     *
     * @return how many of them were banned there and no longer are
     */
    int unban(JailName jail, List<IpNetwork> targets);

    /**
     * The entries the jail bans now, in fail2ban's spelling ({@code 1.2.3.4}, {@code 198.51.100.0/24}, or any
     * other ban id fail2ban holds), without their times: one {@code status} round trip, cheaper than
     * {@link #activeBans}.
     */
    List<String> bannedIds(JailName jail);

    /**
     * Lifts every ban of an address or network entry, in all jails.
     *
     * @return the number of bans lifted, 0 if there was none
     */
    int unbanEverywhere(IpNetwork target);

    /** The jails in which the address or network entry is banned now; empty if none. */
    List<JailName> jailsBanning(IpNetwork target);
}
