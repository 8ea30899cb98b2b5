package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.domain.jail.JailName;

/**
 * Starts, stops and idles jails. Every method throws
 * {@link org.bangui.domain.jail.UnknownJailException} for an unknown jail and
 * {@link org.bangui.domain.server.ServerUnavailableException} if fail2ban cannot be reached.
 */
public interface ControlJailUseCase {

    /** Starts a jail fail2ban still knows. */
    void start(JailName name);

    /** Stops a jail: fail2ban lifts its bans and forgets it until the next reload. */
    void stop(JailName name);

    /** Sets or clears idle mode; returns the state fail2ban reports afterwards. */
    boolean setIdle(SetIdleCommand command);

    /** Put {@code jail} into idle mode ({@code idle = true}) or take it out. */
    record SetIdleCommand(JailName jail, boolean idle) {

        /** @throws NullPointerException if jail is null */
        public SetIdleCommand {
            Objects.requireNonNull(jail, "jail");
        }
    }
}
