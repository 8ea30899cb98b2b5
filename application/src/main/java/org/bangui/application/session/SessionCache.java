package org.bangui.application.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;

/**
 * Sessions this process validated in the last {@code ttl}, by token hash, so that a burst of requests costs one
 * store read. Logout, revocation and expiry in this process evict at once; {@code ttl} bounds how long another
 * instance sharing the store may still accept a session revoked elsewhere. A zero ttl disables the cache.
 */
final class SessionCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Session session, Instant cachedAt) {
    }

    SessionCache(Duration ttl) {
        this.ttl = ttl;
    }

    Optional<Session> get(String tokenHash, Instant now) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || !now.isBefore(entry.cachedAt().plus(ttl))) {
            return Optional.empty();
        }
        return Optional.of(entry.session());
    }

    void put(Session session, Instant now) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // bounded memory; the store stays the source of truth
        }
        entries.put(session.tokenHash(), new Entry(session, now));
    }

    /** Updates a cached session in place (after a touch), keeping its cache time. */
    void replace(Session session) {
        entries.computeIfPresent(session.tokenHash(), (hash, entry) -> new Entry(session, entry.cachedAt()));
    }

    void evict(SessionId id) {
        entries.values().removeIf(entry -> entry.session().id().equals(id));
    }
}
