package org.bangui.domain.scheduler;

import java.time.Instant;
import java.util.Objects;

/**
 * The current holder of the scheduler lock as the store sees it.
 *
 * @param owner who holds it
 * @param acquiredAt when it took the lock
 * @param expiresAt when the lock lapses unless renewed (the last heartbeat plus the TTL)
 */
public record LockHolder(LockOwner owner, Instant acquiredAt, Instant expiresAt) {

    /** @throws NullPointerException if any component is null */
    public LockHolder {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
