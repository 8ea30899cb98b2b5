package org.bangui.application.audit;

import java.time.Clock;
import java.util.Objects;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.AuditEntry;
import org.bangui.domain.audit.AuditPage;
import org.bangui.domain.audit.AuditPort;
import org.bangui.domain.audit.AuditQuery;
import org.bangui.domain.shared.DomainException;

/** The audit trail over {@link AuditPort}. */
public final class AuditService implements RecordAuditUseCase, QueryAuditUseCase {

    private static final System.Logger LOG = System.getLogger(AuditService.class.getName());

    private final AuditPort audit;
    private final Clock clock;

    public AuditService(AuditPort audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(Actor actor, AuditAction action, String target, String failureCode) {
        append(actor, action, target, failureCode.isEmpty(), failureCode);
    }

    @Override
    public void recordChange(Actor actor, AuditAction action, String target, String detail) {
        append(actor, action, target, true, detail.length() > AuditTargets.MAX_DETAIL
                ? detail.substring(0, AuditTargets.MAX_DETAIL) + "\n... (cut)" : detail);
    }

    private void append(Actor actor, AuditAction action, String target, boolean success, String detail) {
        String shown = AuditTargets.printable(target);
        AuditEntry entry = new AuditEntry(clock.instant(), actor.sessionId(), actor.clientIp(), actor.principal(),
                action, shown, success, detail);
        try {
            audit.append(entry);
        } catch (RuntimeException e) {
            // the change itself has happened (or failed) already: a lost audit entry is logged, and never turns
            // a ban or a started job into an error answer that invites a retry
            LOG.log(System.Logger.Level.ERROR, "audit_entry_not_stored action=" + action.code() + " target=" + shown
                    + " reason=" + (e instanceof DomainException d ? d.code() : "store_failure"));
        }
    }

    @Override
    public AuditPage find(AuditQuery query) {
        return audit.find(query);
    }
}
