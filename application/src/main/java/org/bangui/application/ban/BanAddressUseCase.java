package org.bangui.application.ban;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/** Bans an address or a network by hand. */
public interface BanAddressUseCase {

    /**
     * Checks the target against {@link org.bangui.domain.ban.BanPolicy}, the host's own addresses and the
     * jail's ignore list, then against the jail's current bans, and only then bans it.
     *
     * @throws org.bangui.domain.ban.BanRefusedException if the target must not be banned; nothing is sent
     * @throws AlreadyBannedException if the target is already banned in that jail; nothing is sent
     * @throws org.bangui.domain.jail.UnknownJailException if the jail does not exist
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     * @throws org.bangui.domain.server.CommandOutcomeUnknownException if fail2ban received the ban but its
     *         outcome could not be learnt in time; it is archived and audited once known
     */
    void ban(BanCommand command);

    /**
     * Ban {@code target} in {@code jail}.
     *
     * @param target one address (a host network) or a network, normalised
     * @param actor who asks, for the audit trail
     */
    record BanCommand(JailName jail, IpNetwork target, Actor actor) {

        /** @throws NullPointerException if a component is null */
        public BanCommand {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(actor, "actor");
        }

        /** The audit trail's target: {@code jail/address}. */
        public String auditTarget() {
            return jail.value() + "/" + target.text();
        }
    }
}
