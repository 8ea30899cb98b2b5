package org.bangui.application.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.audit.SecurityEventPort;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.ForbiddenException;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionNotFoundException;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.SetupException;

/**
 * Sessions over {@link SessionPort}. A session's use is written back at most once per touch interval (30 s,
 * or a quarter of the idle timeout if that is shorter) so that validating a session costs a read, not a write,
 * on almost every request; the idle expiry is therefore exact to within that interval.
 */
public final class SessionService implements LoginUseCase, SessionUseCase {

    /** How often, at most, a session's last use is written back. */
    public static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_USER_AGENT = 256;

    private final SessionPort sessions;
    private final AdminAccountPort accounts;
    private final PasswordHasherPort hasher;
    private final RateLimitPort rateLimits;
    private final SecurityEventPort events;
    private final RecordAuditUseCase audit;
    private final SessionTokens tokens;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SessionCache cache;

    public SessionService(SessionPort sessions, AdminAccountPort accounts, PasswordHasherPort hasher,
                          RateLimitPort rateLimits, SecurityEventPort events, RecordAuditUseCase audit,
                          SessionTokens tokens, SessionPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.events = Objects.requireNonNull(events, "events");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new SessionCache(policy.cacheTime());
    }

    /**
     * The failure throttle is checked and counted in one step before the password is verified: every
     * attempt reserves a permit of the {@code login_failures} bucket, and only an attempt that is not a wrong
     * password gives it back. Checking first and counting after the (slow) verification would let any number
     * of parallel attempts pass the check before the first failure is counted.
     */
    @Override
    public LoginResult login(LoginCommand command) {
        Actor actor = command.actor();
        String bucket = LimitedAction.LOGIN_FAILURES.bucket();
        RateLimitDecision reservation = rateLimits.tryAcquire(bucket, actor.clientIp(), policy.loginFailures());
        if (!reservation.allowed()) {
            events.emit(new SecurityEvent(SecurityEvent.LOGIN_FAILURE, Optional.empty(), actor.clientIp(), "throttled"));
            audit.record(actor, AuditAction.LOGIN, "", "login_throttled");
            throw new RateLimitedException("login_throttled", "too many failed logins from this address; retry later",
                    reservation.retryAfter());
        }
        boolean passwordMatches;
        try {
            AdminAccount account = accounts.load().orElseThrow(SetupException::required);
            passwordMatches = hasher.verify(command.password(), account.passwordHash());
        } catch (RuntimeException notAnAttempt) {
            // no account yet or the store failed: nothing was guessed, so nothing counts
            rateLimits.refund(bucket, actor.clientIp(), policy.loginFailures());
            throw notAnAttempt;
        }
        if (!passwordMatches) {
            events.emit(new SecurityEvent(SecurityEvent.LOGIN_FAILURE, Optional.empty(), actor.clientIp(),
                    "bad_password"));
            audit.record(actor, AuditAction.LOGIN, "", "invalid_credentials");
            throw AuthenticationException.badCredentials();
        }
        rateLimits.refund(bucket, actor.clientIp(), policy.loginFailures());
        Instant now = clock.instant();
        String token = tokens.newToken();
        String csrf = tokens.newToken();
        Instant absolute = now.plus(policy.lifetime());
        Instant idle = now.plus(policy.idleTimeout());
        Session session = new Session(SessionId.of(tokens.newSessionId()), SessionTokens.hash(token),
                SessionTokens.hash(csrf), now, now, idle.isAfter(absolute) ? absolute : idle, absolute,
                actor.clientIp(), truncate(command.userAgent()));
        sessions.create(session);
        Actor loggedIn = new Actor(Optional.of(session.id()), actor.clientIp());
        events.emit(new SecurityEvent(SecurityEvent.LOGIN_SUCCESS, Optional.of(session.id()), actor.clientIp(), ""));
        events.emit(new SecurityEvent(SecurityEvent.SESSION_CREATED, Optional.of(session.id()), actor.clientIp(), ""));
        audit.record(loggedIn, AuditAction.LOGIN, session.id().value(), "");
        return new LoginResult(session, tokens.sign(token), csrf);
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
        events.emit(new SecurityEvent(SecurityEvent.SESSION_DESTROYED, Optional.of(session.id()), actor.clientIp(),
                "logout"));
        audit.record(actor, AuditAction.LOGOUT, session.id().value(), "");
    }

    @Override
    public List<Session> activeSessions() {
        return sessions.listActive(clock.instant());
    }

    @Override
    public void revoke(SessionId id, Actor actor) {
        cache.evict(id);
        boolean active = sessions.listActive(clock.instant()).stream().anyMatch(s -> s.id().equals(id));
        if (!active || !sessions.delete(id)) {
            audit.record(actor, AuditAction.SESSION_REVOKE, id.value(), "session_not_found");
            throw new SessionNotFoundException(id);
        }
        events.emit(new SecurityEvent(SecurityEvent.SESSION_DESTROYED, Optional.of(id), actor.clientIp(), "revoked"));
        audit.record(actor, AuditAction.SESSION_REVOKE, id.value(), "");
    }

    @Override
    public int expireSessions() {
        List<Session> expired = sessions.deleteExpired(clock.instant());
        for (Session session : expired) {
            cache.evict(session.id());
            events.emit(new SecurityEvent(SecurityEvent.SESSION_EXPIRED, Optional.of(session.id()), "", "expired"));
        }
        return expired.size();
    }

    private static String truncate(String userAgent) {
        return userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }
}
