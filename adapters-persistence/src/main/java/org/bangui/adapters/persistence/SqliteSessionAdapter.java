package org.bangui.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.session.SessionStoreException;

/**
 * {@link SessionPort} on the {@code login_session} table. The session lookup runs on every authenticated
 * request, so reads use a plain connection: the JDBC URL opens transactions IMMEDIATE, which takes SQLite's
 * write lock and would make every request queue behind every other. In WAL mode a read needs no lock.
 */
@Singleton
@Requires(property = "bangui.session-store", notEquals = "redis")
public class SqliteSessionAdapter implements SessionPort {

    private final SessionRepository repository;

    SqliteSessionAdapter(SessionRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public void create(Session session) {
        run(() -> repository.save(toRow(session)));
    }

    @Override
    @Connectable
    public Optional<Session> findByTokenHash(String tokenHash) {
        return run(() -> repository.findByTokenHash(tokenHash).map(SqliteSessionAdapter::toSession));
    }

    @Override
    @Connectable
    public Optional<Session> findById(SessionId id) {
        return run(() -> repository.findById(id.value()).map(SqliteSessionAdapter::toSession));
    }

    @Override
    @Transactional
    public void touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        run(() -> repository.touch(id.value(), lastSeenAt.toEpochMilli(), idleExpiresAt.toEpochMilli()));
    }

    @Override
    @Transactional
    public boolean delete(SessionId id) {
        return run(() -> {
            if (!repository.existsById(id.value())) {
                return false;
            }
            repository.deleteById(id.value());
            return true;
        });
    }

    @Override
    @Connectable
    public List<Session> listActive(Instant now) {
        return run(() -> repository.findActive(now.toEpochMilli()).stream().map(SqliteSessionAdapter::toSession)
                .toList());
    }

    @Override
    @Transactional
    public List<Session> deleteExpired(Instant now) {
        return run(() -> {
            List<SessionRow> expired = repository.findExpired(now.toEpochMilli());
            repository.deleteAll(expired);
            return expired.stream().map(SqliteSessionAdapter::toSession).toList();
        });
    }

    private static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new SessionStoreException("session store failed: " + e.getMessage(), e);
        }
    }

    private static SessionRow toRow(Session s) {
        return new SessionRow(s.id().value(), s.tokenHash(), s.csrfHash(), s.createdAt().toEpochMilli(),
                s.lastSeenAt().toEpochMilli(), s.idleExpiresAt().toEpochMilli(), s.absoluteExpiresAt().toEpochMilli(),
                s.clientIp(), s.userAgent());
    }

    private static Session toSession(SessionRow r) {
        return new Session(SessionId.of(r.id()), r.tokenHash(), r.csrfHash(), Instant.ofEpochMilli(r.createdAt()),
                Instant.ofEpochMilli(r.lastSeenAt()), Instant.ofEpochMilli(r.idleExpiresAt()),
                Instant.ofEpochMilli(r.absoluteExpiresAt()), r.clientIp(), r.userAgent());
    }
}
