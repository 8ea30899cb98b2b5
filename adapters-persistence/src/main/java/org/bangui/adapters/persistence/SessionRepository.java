package org.bangui.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Repository of {@link SessionRow}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SessionRepository extends CrudRepository<SessionRow, String> {

    Optional<SessionRow> findByTokenHash(String tokenHash);

    @Query("UPDATE login_session SET last_seen_at = :lastSeenAt, idle_expires_at = :idleExpiresAt WHERE id = :id")
    long touch(String id, long lastSeenAt, long idleExpiresAt);

    @Query("SELECT * FROM login_session WHERE idle_expires_at > :now AND absolute_expires_at > :now "
            + "ORDER BY created_at DESC")
    List<SessionRow> findActive(long now);

    @Query("SELECT * FROM login_session WHERE idle_expires_at <= :now OR absolute_expires_at <= :now")
    List<SessionRow> findExpired(long now);
}
