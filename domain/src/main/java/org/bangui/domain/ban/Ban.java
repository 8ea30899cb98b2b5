package org.bangui.domain.ban;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;

/**
 * An active ban of one address in one jail.
 *
 * @param jail the jail that holds the ban
 * @param address the banned address
 * @param bannedAt when the ban started
 * @param duration how long it lasts
 */
public record Ban(JailName jail, IpAddress address, Instant bannedAt, BanDuration duration) {

    /** @throws NullPointerException if any component is null */
    public Ban {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(bannedAt, "bannedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** When the ban ends; empty for permanent bans. */
    public Optional<Instant> expiresAt() {
        return duration.endOf(bannedAt);
    }
}
