package org.bangui.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.session.SessionId;

/**
 * One audited state change. Holds the session id (never a token), and never a password or secret.
 *
 * @param at when it happened
 * @param sessionId the session that made it, empty for setup and failed logins
 * @param clientIp the client address
 * @param principal who acted: {@code admin}, {@code anonymous} or {@code system:<job>}; empty for entries
 *                  written before it was recorded
 * @param action what was done
 * @param target what it was done to (jail, address, session id), empty string if nothing in particular
 * @param success whether it succeeded
 * @param detail the failure code; for a successful configuration change its files and unified diff; else empty
 */
public record AuditEntry(Instant at, Optional<SessionId> sessionId, String clientIp, String principal,
                         AuditAction action, String target, boolean success, String detail) {

    /** @throws NullPointerException if any component is null */
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }
}
