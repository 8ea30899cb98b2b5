package org.bangui.application.ban;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.domain.ban.BanEvent;
import org.bangui.domain.ban.BanHistoryException;
import org.bangui.domain.ban.BanHistoryPort;
import org.bangui.domain.ban.BanPolicy;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.ban.NotBannedException;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Manual bans and unbans. A ban is checked against the ban policy and the jail's live {@code ignoreip}
 * before anything is sent. Successful changes are archived; an archive failure is logged and does not undo
 * or hide a change fail2ban has already made.
 */
public final class BanService implements BanAddressUseCase, UnbanAddressUseCase {

    private static final System.Logger LOG = System.getLogger(BanService.class.getName());

    private final BanPort bans;
    private final JailControlPort jails;
    private final BanHistoryPort history;
    private final Clock clock;

    public BanService(BanPort bans, JailControlPort jails, BanHistoryPort history, Clock clock) {
        this.bans = Objects.requireNonNull(bans, "bans");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void ban(BanCommand command) {
        List<IpNetwork> ignored = literalNetworks(jails.configuration(command.jail()).ignoreIp());
        BanPolicy.checkBannable(command.address(), ignored);
        if (bans.ban(command.jail(), List.of(command.address())) == 0) {
            throw new AlreadyBannedException(command.jail(), command.address());
        }
        archive(List.of(new BanEvent(BanEvent.Type.BAN, command.jail(), command.address(), clock.instant())));
    }

    @Override
    public int unban(UnbanCommand command) {
        if (command.jail().isPresent()) {
            JailName jail = command.jail().get();
            if (!bans.unban(jail, command.address())) {
                throw new NotBannedException(command.address(), "in " + jail);
            }
            archive(List.of(new BanEvent(BanEvent.Type.UNBAN, jail, command.address(), clock.instant())));
            return 1;
        }
        List<JailName> banning = bans.jailsBanning(command.address());
        int lifted = bans.unbanEverywhere(command.address());
        if (lifted == 0) {
            throw new NotBannedException(command.address(), "in any jail");
        }
        List<BanEvent> events = new ArrayList<>(banning.size());
        for (JailName jail : banning) {
            events.add(new BanEvent(BanEvent.Type.UNBAN, jail, command.address(), clock.instant()));
        }
        archive(events);
        return lifted;
    }

    /** Entries of {@code ignoreip} that are literal addresses or networks; hostnames cannot be checked here. */
    static List<IpNetwork> literalNetworks(List<String> ignoreIp) {
        List<IpNetwork> networks = new ArrayList<>(ignoreIp.size());
        for (String entry : ignoreIp) {
            try {
                networks.add(IpNetwork.parse(entry.trim()));
            } catch (InvalidInputException notALiteral) {
                LOG.log(Level.DEBUG, "ignoreip entry is not a literal network, not checked: {0}", entry);
            }
        }
        return networks;
    }

    private void archive(List<BanEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            history.record(events);
        } catch (BanHistoryException e) {
            LOG.log(Level.ERROR, "ban archive write failed; fail2ban already applied the change", e);
        }
    }
}
