package org.bangui.application.ban;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Answers ban queries. With an address filter it first asks fail2ban where the address is banned, so that
 * it only fetches the ban lists of those jails.
 */
public final class BanQueryService implements QueryBansUseCase {

    private static final Comparator<Ban> ORDER =
            Comparator.comparing(Ban::jail).thenComparing(Ban::bannedAt).thenComparing(b -> b.target().text());

    private final BanPort bans;
    private final JailControlPort jails;

    public BanQueryService(BanPort bans, JailControlPort jails) {
        this.bans = Objects.requireNonNull(bans, "bans");
        this.jails = Objects.requireNonNull(jails, "jails");
    }

    @Override
    public List<Ban> activeBans(BanQuery query) {
        query.jail().ifPresent(jails::counters); // fails with UnknownJailException for an unknown jail
        List<JailName> candidates;
        if (query.target().isPresent()) {
            candidates = bans.jailsBanning(query.target().get());
            if (query.jail().isPresent()) {
                candidates = candidates.stream().filter(query.jail().get()::equals).toList();
            }
        } else {
            candidates = query.jail().map(List::of).orElseGet(jails::jailNames);
        }
        List<Ban> result = new ArrayList<>();
        for (JailName jail : candidates) {
            try {
                for (Ban ban : bans.activeBans(jail)) {
                    if (query.target().isEmpty() || query.target().get().equals(ban.target())) {
                        result.add(ban);
                    }
                }
            } catch (UnknownJailException stoppedMeanwhile) {
                if (query.jail().isPresent()) {
                    throw stoppedMeanwhile;
                }
            }
        }
        result.sort(ORDER);
        return List.copyOf(result);
    }

    @Override
    public List<IpNetwork> activeTargets() {
        List<IpNetwork> result = new ArrayList<>();
        for (JailName jail : jails.jailNames()) {
            List<String> ids;
            try {
                ids = bans.bannedIds(jail);
            } catch (UnknownJailException stoppedMeanwhile) {
                continue;
            }
            for (String id : ids) {
                try {
                    result.add(IpNetwork.parse(id));
                } catch (InvalidInputException notAnAddress) {
                    // fail2ban bans any id a filter captured (a user name, say); it has no place on a map
                }
            }
        }
        return List.copyOf(result);
    }
}
