package org.bangui.application.audit;

import org.bangui.domain.audit.AuditAction;

/** Records state changes in the audit trail. */
public interface RecordAuditUseCase {

    /**
     * Appends one entry stamped now. Never throws: a store failure is logged, because the change it describes
     * has already happened.
     *
     * @param target what was acted on (jail, address, session id); empty string if nothing in particular
     * @param failureCode empty on success, else the failure's code
     */
    void record(Actor actor, AuditAction action, String target, String failureCode);
}
