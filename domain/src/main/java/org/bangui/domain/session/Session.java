package org.bangui.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session. It stores only SHA-256 hashes of the session token and the CSRF token, never the tokens.
 *
 * @param id public identifier
 * @param tokenHash hex SHA-256 of the session token
 * @param csrfHash hex SHA-256 of the CSRF token
 * @param createdAt when the session was created
 * @param lastSeenAt when it was last used
 * @param idleExpiresAt when it ends unless used again (sliding)
 * @param absoluteExpiresAt when it ends whatever happens
 * @param clientIp the client address at login
 * @param userAgent the client's User-Agent at login, truncated
 */
public record Session(SessionId id, String tokenHash, String csrfHash, Instant createdAt, Instant lastSeenAt,
                      Instant idleExpiresAt, Instant absoluteExpiresAt, String clientIp, String userAgent) {

    /** @throws NullPointerException if any component is null */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(csrfHash, "csrfHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** When the session ends if it is not used again: the earlier of the idle and the absolute expiry. */
    public Instant expiresAt() {
        return idleExpiresAt.isBefore(absoluteExpiresAt) ? idleExpiresAt : absoluteExpiresAt;
    }

    /** True if the session has ended at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /**
     * The session after a use at {@code now}: last seen moves, and the idle expiry slides (never past the absolute).
     */
    public Session touchedAt(Instant now, Duration idleTimeout) {
        Instant idle = now.plus(idleTimeout);
        return new Session(id, tokenHash, csrfHash, createdAt, now,
                idle.isAfter(absoluteExpiresAt) ? absoluteExpiresAt : idle, absoluteExpiresAt, clientIp, userAgent);
    }
}
