package org.bangui.application.audit;

import org.bangui.domain.audit.AuditPage;
import org.bangui.domain.audit.AuditQuery;

/** Reads the audit trail. */
public interface QueryAuditUseCase {

    /** One page, newest first. */
    AuditPage find(AuditQuery query);
}
