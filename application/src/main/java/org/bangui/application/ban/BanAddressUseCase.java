package org.bangui.application.ban;

import java.util.Objects;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;

/** Bans an address by hand. */
public interface BanAddressUseCase {

    /**
     * Checks the address against {@link org.bangui.domain.ban.BanPolicy} and the jail's ignore list, then bans it.
     *
     * @throws org.bangui.domain.ban.BanRefusedException if the address must not be banned; nothing is sent
     * @throws AlreadyBannedException if the address is already banned in that jail
     * @throws org.bangui.domain.jail.UnknownJailException if the jail does not exist
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    void ban(BanCommand command);

    /** Ban {@code address} in {@code jail}. */
    record BanCommand(JailName jail, IpAddress address) {

        /** @throws NullPointerException if a component is null */
        public BanCommand {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(address, "address");
        }
    }
}
