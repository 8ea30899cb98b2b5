package org.bangui.application.ban;

import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;

/** Lifts bans. */
public interface UnbanAddressUseCase {

    /**
     * Unbans the address in the given jail, or in every jail when none is given.
     *
     * @return the number of bans lifted, at least 1
     * @throws org.bangui.domain.ban.NotBannedException if the address was not banned there
     * @throws org.bangui.domain.jail.UnknownJailException if the jail does not exist
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    int unban(UnbanCommand command);

    /** Unban {@code address} in {@code jail}, or everywhere when the jail is empty. */
    record UnbanCommand(IpAddress address, Optional<JailName> jail) {

        /** @throws NullPointerException if a component is null */
        public UnbanCommand {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(jail, "jail");
        }
    }
}
