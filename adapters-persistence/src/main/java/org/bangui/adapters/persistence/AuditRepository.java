package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Repository of {@link AuditRow}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends CrudRepository<AuditRow, Long> {

    /** Newest first, below {@code beforeId}; each filter applies only when given. */
    @Query("SELECT * FROM audit_log WHERE (:action IS NULL OR action = :action) "
            + "AND (:since IS NULL OR occurred_at >= :since) AND (:until IS NULL OR occurred_at < :until) "
            + "AND (:beforeId IS NULL OR id < :beforeId) ORDER BY id DESC LIMIT :limit")
    List<AuditRow> page(@Nullable String action, @Nullable Long since, @Nullable Long until, @Nullable Long beforeId,
                        int limit);
}
