package org.bangui.domain.ban;

import java.time.Instant;
import java.util.Objects;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * A ban or unban performed through BanGUI, kept in BanGUI's own archive because fail2ban deletes its records
 * on unban and after its purge age.
 *
 * @param type ban or unban
 * @param jail the jail
 * @param target the address (a host network) or network
 * @param at when it happened
 */
public record BanEvent(Type type, JailName jail, IpNetwork target, Instant at) {

    /** The kind of event. */
    public enum Type { BAN, UNBAN }

    /** @throws NullPointerException if any component is null */
    public BanEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
    }
}
