package org.bangui.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of the audit trail, newest first.
 *
 * @param entries the entries with their ids
 * @param nextBeforeId where the next page continues; empty on the last page
 */
public record AuditPage(List<StoredAuditEntry> entries, Optional<Long> nextBeforeId) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    /** An entry with the id the store gave it. */
    public record StoredAuditEntry(long id, AuditEntry entry) {
    }
}
