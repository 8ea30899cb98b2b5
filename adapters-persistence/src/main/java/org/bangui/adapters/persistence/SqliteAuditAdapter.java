package org.bangui.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.AuditEntry;
import org.bangui.domain.audit.AuditPage;
import org.bangui.domain.audit.AuditPort;
import org.bangui.domain.audit.AuditQuery;
import org.bangui.domain.audit.AuditStoreException;
import org.bangui.domain.session.SessionId;

/** {@link AuditPort} on the append-only {@code audit_log} table, paged by id (keyset). */
@Singleton
@Transactional
public class SqliteAuditAdapter implements AuditPort {

    private final AuditRepository repository;

    SqliteAuditAdapter(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public void append(AuditEntry e) {
        try {
            repository.save(new AuditRow(null, e.at().toEpochMilli(), e.sessionId().map(SessionId::value).orElse(null),
                    e.clientIp(), e.principal(), e.action().code(), e.target(), e.success(), e.detail()));
        } catch (DataAccessException ex) {
            throw new AuditStoreException("cannot append to the audit log", ex);
        }
    }

    @Override
    public AuditPage find(AuditQuery q) {
        try {
            // one row more than asked tells whether another page follows
            List<AuditRow> rows = repository.page(q.action().map(AuditAction::code).orElse(null),
                    q.since().map(Instant::toEpochMilli).orElse(null),
                    q.until().map(Instant::toEpochMilli).orElse(null), q.beforeId().orElse(null), q.limit() + 1);
            boolean more = rows.size() > q.limit();
            List<AuditPage.StoredAuditEntry> entries = rows.stream().limit(q.limit())
                    .map(r -> new AuditPage.StoredAuditEntry(r.id(), toEntry(r))).toList();
            return new AuditPage(entries, more ? Optional.of(entries.get(entries.size() - 1).id()) : Optional.empty());
        } catch (DataAccessException ex) {
            throw new AuditStoreException("cannot read the audit log", ex);
        }
    }

    private static AuditEntry toEntry(AuditRow r) {
        return new AuditEntry(Instant.ofEpochMilli(r.occurredAt()),
                Optional.ofNullable(r.sessionId()).map(SessionId::of), r.clientIp(), r.principal(),
                AuditAction.fromCode(r.action()).orElseThrow(), r.target(), r.success(), r.detail());
    }
}
