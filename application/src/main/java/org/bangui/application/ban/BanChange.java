package org.bangui.application.ban;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * A ban or unban made through BanGUI, to archive.
 *
 * @param banTime the jail's ban time, for a ban
 * @param actor the principal who asked, recorded as who ended an unbanned entry
 */
record BanChange(Type type, JailName jail, IpNetwork target, Instant at, Optional<BanDuration> banTime,
                 String actor) {

    /** The kind of change. */
    enum Type { BAN, UNBAN }

    BanChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(banTime, "banTime");
        Objects.requireNonNull(actor, "actor");
    }
}
