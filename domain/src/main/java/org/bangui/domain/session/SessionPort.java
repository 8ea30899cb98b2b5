package org.bangui.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores sessions. Implementations must be safe for concurrent use and durable across restarts of BanGUI
 * (SQLite) or shared across instances (Redis). Failures surface as {@link SessionStoreException}.
 */
public interface SessionPort {

    /** Stores a new session. */
    void create(Session session);

    /** The session whose token hashes to {@code tokenHash}, expired or not; empty if none. */
    Optional<Session> findByTokenHash(String tokenHash);

    /** The session with this id, expired or not; empty if none. */
    Optional<Session> findById(SessionId id);

    /** Records a use: last seen and idle expiry. Does nothing if the session no longer exists. */
    void touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt);

    /** Deletes one session; returns whether it existed. */
    boolean delete(SessionId id);

    /** Sessions not expired at {@code now}, newest first. */
    List<Session> listActive(Instant now);

    /** Deletes every session expired at {@code now} and returns them. */
    List<Session> deleteExpired(Instant now);

    /**
     * Registers {@code listener} for sessions that other instances sharing this store delete (logout, revoke,
     * expiry there), so that a cache of this instance can drop them at once. A store that only this process
     * uses never calls it. Listeners run on the store's own thread and must be quick and must not throw.
     */
    default void onDeletedElsewhere(Consumer<SessionId> listener) {
    }
}
