package org.bangui.application.session;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.audit.SecurityEventPort;

/** Where the session use cases report: the security event log and the audit trail. */
public final class SecurityRecorder {

    private final SecurityEventPort events;
    private final RecordAuditUseCase audit;

    public SecurityRecorder(SecurityEventPort events, RecordAuditUseCase audit) {
        this.events = Objects.requireNonNull(events, "events");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Emits one security event. */
    void event(SecurityEvent event) {
        events.emit(event);
    }

    /** Records one audit entry; never throws (see {@link RecordAuditUseCase#record}). */
    void audit(Actor actor, AuditAction action, String target, String failureCode) {
        audit.record(actor, action, target, failureCode);
    }
}
