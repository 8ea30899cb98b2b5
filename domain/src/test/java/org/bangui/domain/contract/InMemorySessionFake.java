package org.bangui.domain.contract;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionPort;

/** {@link SessionPort} in a map, for service tests; counts store reads and touches. */
public final class InMemorySessionFake implements SessionPort {

    private final Map<SessionId, Session> byId = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger touches = new AtomicInteger();

    @Override
    public void create(Session session) {
        byId.put(session.id(), session);
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        reads.incrementAndGet();
        return byId.values().stream().filter(s -> s.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        touches.incrementAndGet();
        byId.computeIfPresent(id, (k, s) -> new Session(s.id(), s.tokenHash(), s.csrfHash(), s.createdAt(),
                lastSeenAt, idleExpiresAt, s.absoluteExpiresAt(), s.clientIp(), s.userAgent()));
    }

    @Override
    public boolean delete(SessionId id) {
        return byId.remove(id) != null;
    }

    @Override
    public List<Session> listActive(Instant now) {
        return byId.values().stream().filter(s -> !s.isExpired(now))
                .sorted(Comparator.comparing(Session::createdAt).reversed()).toList();
    }

    @Override
    public List<Session> deleteExpired(Instant now) {
        return byId.values().stream().filter(s -> s.isExpired(now)).filter(s -> byId.remove(s.id(), s)).toList();
    }

    /** How many token lookups reached the store. */
    public int reads() {
        return reads.get();
    }

    /** How many touches reached the store. */
    public int touches() {
        return touches.get();
    }
}
