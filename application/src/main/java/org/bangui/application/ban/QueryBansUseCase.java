package org.bangui.application.ban;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/** Reads active bans. */
public interface QueryBansUseCase {

    /**
     * Active bans matching the query, ordered by jail then start time.
     *
     * @throws org.bangui.domain.jail.UnknownJailException if a jail filter names an unknown jail
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    List<Ban> activeBans(BanQuery query);

    /**
     * Every entry banned now in every running jail, once per jail, without start times: one {@code status} per
     * jail instead of fail2ban formatting the time of each ban, about ten times cheaper with thousands of bans
     * (for counts and maps). Ban ids that are not addresses or networks are left out.
     *
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    List<IpNetwork> activeTargets();

    /**
     * Filters for {@link #activeBans}; an empty filter matches everything.
     *
     * @param jail only this jail
     * @param target only this entry: an address, or a network entry as a whole (normalised)
     */
    record BanQuery(Optional<JailName> jail, Optional<IpNetwork> target) {

        /** @throws NullPointerException if a component is null (use Optional.empty()) */
        public BanQuery {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(target, "target");
        }

        /** Matches every active ban. */
        public static BanQuery all() {
            return new BanQuery(Optional.empty(), Optional.empty());
        }
    }
}
