package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.jail.JailControlPort;

/** Controls jails through the jail port and audits each request once, success or failure. */
public final class JailControlService implements ControlJailUseCase {

    private final JailControlPort jails;
    private final RecordAuditUseCase audit;

    public JailControlService(JailControlPort jails, RecordAuditUseCase audit) {
        this.jails = Objects.requireNonNull(jails, "jails");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void start(JailCommand command) {
        audit.recordOutcome(command.actor(), AuditAction.JAIL_START, command.jail().value(), () -> {
            jails.start(command.jail());
            return null;
        });
    }

    @Override
    public void stop(JailCommand command) {
        audit.recordOutcome(command.actor(), AuditAction.JAIL_STOP, command.jail().value(), () -> {
            jails.stop(command.jail());
            return null;
        });
    }

    @Override
    public boolean setIdle(SetIdleCommand command) {
        return audit.recordOutcome(command.actor(), AuditAction.JAIL_IDLE, command.auditTarget(),
                () -> jails.setIdle(command.jail(), command.idle()));
    }
}
