package org.bangui.application.ban;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.ban.BanPolicy;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Manual bans. A ban is checked against the ban policy, the host's own addresses and the jail's live
 * {@code ignoreip}, then against fail2ban's current bans, before anything is sent: fail2ban's {@code banip}
 * restarts a ban it already holds, so a refused duplicate must not reach it. Successful bans are archived;
 * every request is audited once with its outcome.
 */
public final class BanService implements BanAddressUseCase {

    private static final System.Logger LOG = System.getLogger(BanService.class.getName());

    private final BanPort bans;
    private final JailControlPort jails;
    private final HostAddressesPort host;
    private final BanChanges changes;

    public BanService(BanPort bans, JailControlPort jails, HostAddressesPort host, BanChanges changes) {
        this.bans = Objects.requireNonNull(bans, "bans");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.host = Objects.requireNonNull(host, "host");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public void ban(BanCommand command) {
        changes.audited(command.actor(), AuditAction.BAN, command.auditTarget(), () -> {
            banChecked(command);
            return null;
        });
    }

    private void banChecked(BanCommand command) {
        IpNetwork target = command.target();
        JailConfiguration configuration = jails.configuration(command.jail());
        List<IpNetwork> ignored = literalNetworks(configuration.ignoreIp());
        BanPolicy.checkBannable(target, ignored, host.ownAddresses());
        changes.serialised(target, () -> {
            if (bans.jailsBanning(target).contains(command.jail())) {
                throw new AlreadyBannedException(command.jail(), target);
            }
            int banned;
            try {
                banned = bans.ban(command.jail(), List.of(target));
            } catch (CommandOutcomeUnknownException unknown) {
                // it was not banned a moment ago (checked above, under the lock): banned now means banned by us
                banned = changes.settle(unknown, Integer.class,
                        () -> bans.jailsBanning(target).contains(command.jail()) ? 1 : 0,
                        late -> changes.auditLate(command.actor(), AuditAction.BAN, command.auditTarget(),
                                late > 0 ? List.of(event(command, configuration.banTime())) : List.of()));
            }
            if (banned == 0) {
                throw new AlreadyBannedException(command.jail(), target);
            }
            changes.archive(List.of(event(command, configuration.banTime())));
            return null;
        });
    }

    private BanChange event(BanCommand command, BanDuration banTime) {
        return new BanChange(BanChange.Type.BAN, command.jail(), command.target(), changes.now(), Optional.of(banTime),
                command.actor().principal());
    }

    /** Entries of {@code ignoreip} that are literal addresses or networks; hostnames cannot be checked here. */
    public static List<IpNetwork> literalNetworks(List<String> ignoreIp) {
        List<IpNetwork> networks = new ArrayList<>(ignoreIp.size());
        for (String entry : ignoreIp) {
            try {
                networks.add(IpNetwork.parse(entry.trim()));
            } catch (InvalidInputException notALiteral) {
                LOG.log(Level.DEBUG, "ignoreip_entry_not_checked: not a literal network: {0}", entry);
            }
        }
        return networks;
    }
}
