package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code audit_log}. */
@MappedEntity("audit_log")
record AuditRow(@Id @GeneratedValue @Nullable Long id, long occurredAt, @Nullable String sessionId, String clientIp,
                String principal, String action, String target, boolean success, String detail) {
}
