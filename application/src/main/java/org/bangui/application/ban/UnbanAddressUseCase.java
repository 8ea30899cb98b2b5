package org.bangui.application.ban;

import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.Actor;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/** Lifts bans. */
public interface UnbanAddressUseCase {

    /**
     * Unbans the address or network entry in the given jail, or in every jail when none is given.
     *
     * @return the number of bans lifted, at least 1
     * @throws org.bangui.domain.ban.NotBannedException if the target was not banned there
     * @throws org.bangui.domain.jail.UnknownJailException if the jail does not exist
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     * @throws org.bangui.domain.server.CommandOutcomeUnknownException if fail2ban received the unban but its
     *         outcome could not be learnt in time; it is archived and audited once known
     */
    int unban(UnbanCommand command);

    /**
     * Unban {@code target} in {@code jail}, or everywhere when the jail is empty.
     *
     * @param actor who asks, for the audit trail
     */
    record UnbanCommand(IpNetwork target, Optional<JailName> jail, Actor actor) {

        /** @throws NullPointerException if a component is null */
        public UnbanCommand {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(actor, "actor");
        }

        /** The audit trail's target: {@code jail/address}, or the address alone for every jail. */
        public String auditTarget() {
            return jail.map(j -> j.value() + "/").orElse("") + target.text();
        }
    }
}
