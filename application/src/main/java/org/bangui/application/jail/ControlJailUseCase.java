package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.domain.jail.JailName;

/**
 * Starts, stops and idles jails; every call is audited once with its outcome. Every method throws
 * {@link org.bangui.domain.jail.UnknownJailException} for an unknown jail and
 * {@link org.bangui.domain.server.ServerUnavailableException} if fail2ban cannot be reached.
 */
public interface ControlJailUseCase {

    /** Starts a jail fail2ban still knows. */
    void start(JailCommand command);

    /** Stops a jail: fail2ban lifts its bans and forgets it until the next reload. */
    void stop(JailCommand command);

    /** Sets or clears idle mode; returns the state fail2ban reports afterwards. */
    boolean setIdle(SetIdleCommand command);

    /**
     * Act on {@code jail}.
     *
     * @param actor who asks, for the audit trail
     */
    record JailCommand(JailName jail, Actor actor) {

        /** @throws NullPointerException if a component is null */
        public JailCommand {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Put {@code jail} into idle mode ({@code idle = true}) or take it out.
     *
     * @param actor who asks, for the audit trail
     */
    record SetIdleCommand(JailName jail, boolean idle, Actor actor) {

        /** @throws NullPointerException if jail or actor is null */
        public SetIdleCommand {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(actor, "actor");
        }

        /** The audit trail's target: {@code jail idle=true|false}. */
        public String auditTarget() {
            return jail.value() + " idle=" + idle;
        }
    }
}
