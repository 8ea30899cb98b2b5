package org.bangui.application.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.Actor;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.ForbiddenException;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionNotFoundException;
import org.bangui.domain.session.SessionPort;

/**
 * Existing sessions over {@link SessionPort}: validation, CSRF, logout, listing, revocation and expiry. A
 * session's use is written back at most once per touch interval (30 s, or a quarter of the idle timeout if that
 * is shorter) so that validating a session costs a read, not a write, on almost every request; the idle expiry
 * is therefore exact to within that interval. Sessions are created by {@link LoginService}.
 */
public final class SessionService implements SessionUseCase {

    /** How often, at most, a session's last use is written back. */
    public static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private final SessionPort sessions;
    private final SessionTokens tokens;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SecurityRecorder recorder;
    private final SessionCache cache;

    public SessionService(SessionPort sessions, SessionTokens tokens, SessionPolicy policy, Clock clock,
                          SecurityRecorder recorder) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.cache = new SessionCache(policy.cacheTime());
        sessions.onDeletedElsewhere(cache::evict);
    }

    @Override
    public Optional<Session> recentlyValidated(String cookieValue) {
        Optional<String> token = tokens.verify(cookieValue);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return cache.get(SessionTokens.hash(token.get()), now)
                .filter(session -> !session.isExpired(now) && now.isBefore(session.lastSeenAt().plus(touchInterval())));
    }

    private Duration touchInterval() {
        Duration quarter = policy.idleTimeout().dividedBy(4);
        return quarter.compareTo(TOUCH_INTERVAL) < 0 ? quarter : TOUCH_INTERVAL;
    }

    @Override
    public Session authenticate(String cookieValue, Actor actor) {
        String token = tokens.verify(cookieValue).orElseThrow(AuthenticationException::required);
        String tokenHash = SessionTokens.hash(token);
        Instant now = clock.instant();
        Optional<Session> cached = cache.get(tokenHash, now);
        Session session = cached.isPresent() ? cached.get()
                : sessions.findByTokenHash(tokenHash).orElseThrow(AuthenticationException::required);
        if (session.isExpired(now)) {
            cache.evict(session.id());
            throw AuthenticationException.required();
        }
        if (cached.isEmpty()) {
            cache.put(session, now);
        }
        if (!now.isBefore(session.lastSeenAt().plus(touchInterval()))) {
            Session touched = session.touchedAt(now, policy.idleTimeout());
            sessions.touch(touched.id(), touched.lastSeenAt(), touched.idleExpiresAt());
            cache.replace(touched);
            return touched;
        }
        return session;
    }

    @Override
    public void checkCsrf(Session session, String csrfHeader) {
        if (csrfHeader == null || csrfHeader.isEmpty() || csrfHeader.length() > 256
                || !SessionTokens.constantTimeEquals(SessionTokens.hash(csrfHeader), session.csrfHash())) {
            throw ForbiddenException.csrf();
        }
    }

    @Override
    public void logout(Session session, Actor actor) {
        cache.evict(session.id());
        sessions.delete(session.id());
        recorder.event(new SecurityEvent(SecurityEvent.SESSION_DESTROYED, Optional.of(session.id()), actor.clientIp(),
                "logout"));
        recorder.audit(actor, AuditAction.LOGOUT, session.id().value(), "");
    }

    @Override
    public List<Session> activeSessions() {
        return sessions.listActive(clock.instant());
    }

    @Override
    public void revoke(SessionId id, Actor actor) {
        cache.evict(id);
        Instant now = clock.instant();
        boolean active = sessions.findById(id).filter(session -> !session.isExpired(now)).isPresent();
        if (!active || !sessions.delete(id)) {
            recorder.audit(actor, AuditAction.SESSION_REVOKE, id.value(), "session_not_found");
            throw new SessionNotFoundException(id);
        }
        recorder.event(new SecurityEvent(SecurityEvent.SESSION_DESTROYED, Optional.of(id), actor.clientIp(),
                "revoked"));
        recorder.audit(actor, AuditAction.SESSION_REVOKE, id.value(), "");
    }

    @Override
    public int expireSessions(Actor actor) {
        List<Session> expired = sessions.deleteExpired(clock.instant());
        for (Session session : expired) {
            cache.evict(session.id());
            recorder.event(new SecurityEvent(SecurityEvent.SESSION_EXPIRED, Optional.of(session.id()), "", "expired"));
            recorder.audit(actor, AuditAction.SESSION_EXPIRE, session.id().value(), "");
        }
        return expired.size();
    }
}
