package org.bangui.application.ban;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.ban.NotBannedException;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;

/** Manual unbans from one jail or from every jail; lifted bans are archived. */
public final class UnbanService implements UnbanAddressUseCase {

    private final BanPort bans;
    private final BanChanges changes;

    public UnbanService(BanPort bans, BanChanges changes) {
        this.bans = Objects.requireNonNull(bans, "bans");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public int unban(UnbanCommand command) {
        IpNetwork target = command.target();
        AuditAction action = command.jail().isPresent() ? AuditAction.UNBAN : AuditAction.UNBAN_ALL;
        return changes.audited(command.actor(), action, command.auditTarget(),
                () -> changes.serialised(target, () -> command.jail().isPresent()
                        ? unbanIn(command, command.jail().get()) : unbanEverywhere(command)));
    }

    private int unbanIn(UnbanCommand command, JailName jail) {
        IpNetwork target = command.target();
        boolean lifted;
        try {
            lifted = bans.unban(jail, target);
        } catch (CommandOutcomeUnknownException unknown) {
            // banned or not before, it is not banned there once the command has run
            lifted = changes.settle(unknown, Boolean.class, () -> !bans.jailsBanning(target).contains(jail),
                    late -> changes.auditLate(command.actor(), AuditAction.UNBAN, command.auditTarget(),
                            late ? List.of(event(jail, target, command)) : List.of()));
        }
        if (!lifted) {
            throw new NotBannedException(target, "in " + jail);
        }
        changes.archive(List.of(event(jail, target, command)));
        return 1;
    }

    private int unbanEverywhere(UnbanCommand command) {
        IpNetwork target = command.target();
        List<JailName> banning = bans.jailsBanning(target);
        if (banning.isEmpty()) {
            throw new NotBannedException(target, "in any jail");
        }
        int lifted;
        try {
            lifted = bans.unbanEverywhere(target);
        } catch (CommandOutcomeUnknownException unknown) {
            lifted = changes.settle(unknown, Integer.class, () -> countLifted(banning, target),
                    late -> changes.auditLate(command.actor(), AuditAction.UNBAN_ALL, command.auditTarget(),
                            late > 0 ? events(banning, target, command) : List.of()));
        }
        if (lifted == 0) {
            throw new NotBannedException(target, "in any jail");
        }
        changes.archive(events(banning, target, command));
        return lifted;
    }

    private int countLifted(List<JailName> before, IpNetwork target) {
        List<JailName> after = bans.jailsBanning(target);
        return (int) before.stream().filter(jail -> !after.contains(jail)).count();
    }

    private List<BanChange> events(List<JailName> jails, IpNetwork target, UnbanCommand command) {
        List<BanChange> events = new ArrayList<>(jails.size());
        for (JailName jail : jails) {
            events.add(event(jail, target, command));
        }
        return events;
    }

    private BanChange event(JailName jail, IpNetwork target, UnbanCommand command) {
        return new BanChange(BanChange.Type.UNBAN, jail, target, changes.now(), Optional.empty(),
                command.actor().principal());
    }
}
