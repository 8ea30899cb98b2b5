package org.bangui.domain.ban;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * An active ban of one address or network in one jail.
 *
 * @param jail the jail that holds the ban
 * @param target the banned address (a host network) or network, as fail2ban holds it
 * @param bannedAt when the ban started
 * @param duration how long it lasts
 */
public record Ban(JailName jail, IpNetwork target, Instant bannedAt, BanDuration duration) {

    /** @throws NullPointerException if any component is null */
    public Ban {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bannedAt, "bannedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** When the ban ends; empty for permanent bans. */
    public Optional<Instant> expiresAt() {
        return duration.endOf(bannedAt);
    }
}
