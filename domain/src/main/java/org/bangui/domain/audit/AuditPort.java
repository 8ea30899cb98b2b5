package org.bangui.domain.audit;

/** Stores the audit trail durably. Failures surface as {@link AuditStoreException}. */
public interface AuditPort {

    /** Appends one entry; returns once it is stored. */
    void append(AuditEntry entry);

    /** A page of entries matching the query, newest first. */
    AuditPage find(AuditQuery query);
}
