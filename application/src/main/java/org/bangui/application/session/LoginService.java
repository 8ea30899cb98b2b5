package org.bangui.application.session;

import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.Actor;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.application.ratelimit.RateLimitObserver;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.SetupException;

/** The administrator's login: the failure throttle, the password check, then a new session. */
public final class LoginService implements LoginUseCase {

    private final AdminAccountPort accounts;
    private final PasswordHasherPort hasher;
    private final RateLimitPort rateLimits;
    private final SessionIssuer issuer;
    private final SecurityRecorder recorder;
    private final RateLimitObserver throttled;

    public LoginService(AdminAccountPort accounts, PasswordHasherPort hasher, RateLimitPort rateLimits,
                        SessionIssuer issuer, SecurityRecorder recorder) {
        this(accounts, hasher, rateLimits, issuer, recorder, RateLimitObserver.NONE);
    }

    /** @param throttled told about every login the failure throttle refused */
    public LoginService(AdminAccountPort accounts, PasswordHasherPort hasher, RateLimitPort rateLimits,
                        SessionIssuer issuer, SecurityRecorder recorder, RateLimitObserver throttled) {
        this.throttled = Objects.requireNonNull(throttled, "throttled");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
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
        RateLimit allowance = issuer.policy().loginFailures();
        RateLimitDecision reservation = rateLimits.tryAcquire(bucket, actor.clientIp(), allowance);
        if (!reservation.allowed()) {
            throttled.refused(LimitedAction.LOGIN_FAILURES);
            recorder.event(new SecurityEvent(SecurityEvent.LOGIN_FAILURE, Optional.empty(), actor.clientIp(),
                    "throttled"));
            recorder.audit(actor, AuditAction.LOGIN, "", "login_throttled");
            throw new RateLimitedException("login_throttled", "too many failed logins from this address; retry later",
                    reservation.retryAfter());
        }
        boolean passwordMatches;
        try {
            AdminAccount account = accounts.load().orElseThrow(SetupException::required);
            passwordMatches = hasher.verify(command.password(), account.passwordHash());
        } catch (RuntimeException notAnAttempt) {
            // no account yet or the store failed: nothing was guessed, so nothing counts
            rateLimits.refund(bucket, actor.clientIp(), allowance);
            throw notAnAttempt;
        }
        if (!passwordMatches) {
            recorder.event(new SecurityEvent(SecurityEvent.LOGIN_FAILURE, Optional.empty(), actor.clientIp(),
                    "bad_password"));
            recorder.audit(actor, AuditAction.LOGIN, "", "invalid_credentials");
            throw AuthenticationException.badCredentials();
        }
        rateLimits.refund(bucket, actor.clientIp(), allowance);
        LoginResult result = issuer.issue(actor, command.userAgent());
        SessionId id = result.session().id();
        Actor loggedIn = new Actor(Optional.of(id), actor.clientIp());
        recorder.event(new SecurityEvent(SecurityEvent.LOGIN_SUCCESS, Optional.of(id), actor.clientIp(), ""));
        recorder.event(new SecurityEvent(SecurityEvent.SESSION_CREATED, Optional.of(id), actor.clientIp(), ""));
        recorder.audit(loggedIn, AuditAction.LOGIN, id.value(), "");
        return result;
    }
}
