package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.UnknownJailException;

/** Controls jails through the jail port and audits each request once, success or failure. */
public final class JailControlService implements ControlJailUseCase {

    private final JailControlPort jails;
    private final RecordAuditUseCase audit;
    private final ForgottenJails forgotten;

    public JailControlService(JailControlPort jails, RecordAuditUseCase audit, ForgottenJails forgotten) {
        this.jails = Objects.requireNonNull(jails, "jails");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.forgotten = Objects.requireNonNull(forgotten, "forgotten");
    }

    /**
     * Starts a jail fail2ban still knows; a jail it forgot (stopped) is started again from the files by a reload
     * of that jail, audited as a reload.
     */
    @Override
    public void start(JailCommand command) {
        audit.recordOutcome(command.actor(), AuditAction.JAIL_START, command.jail().value(), () -> {
            try {
                jails.start(command.jail());
            } catch (UnknownJailException forgottenByFail2ban) {
                forgotten.start(command.actor(), command.jail());
            }
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
