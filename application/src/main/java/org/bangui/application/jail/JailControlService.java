package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;

/** Controls jails through the jail port. */
public final class JailControlService implements ControlJailUseCase {

    private final JailControlPort jails;

    public JailControlService(JailControlPort jails) {
        this.jails = Objects.requireNonNull(jails, "jails");
    }

    @Override
    public void start(JailName name) {
        jails.start(name);
    }

    @Override
    public void stop(JailName name) {
        jails.stop(name);
    }

    @Override
    public boolean setIdle(SetIdleCommand command) {
        return jails.setIdle(command.jail(), command.idle());
    }
}
