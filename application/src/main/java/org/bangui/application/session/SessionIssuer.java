package org.bangui.application.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionPort;

/** Creates sessions: fresh secrets, their hashes stored, the expiries the policy gives. */
public final class SessionIssuer {

    private static final int MAX_USER_AGENT = 256;

    private final SessionPort sessions;
    private final SessionTokens tokens;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionIssuer(SessionPort sessions, SessionTokens tokens, SessionPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The session rules, including the login throttle. */
    SessionPolicy policy() {
        return policy;
    }

    /** Stores a new session for {@code actor} and returns it with the secrets only the client will hold. */
    LoginUseCase.LoginResult issue(Actor actor, String userAgent) {
        Instant now = clock.instant();
        String token = tokens.newToken();
        String csrf = tokens.newToken();
        Instant absolute = now.plus(policy.lifetime());
        Instant idle = now.plus(policy.idleTimeout());
        Session session = new Session(SessionId.of(tokens.newSessionId()), SessionTokens.hash(token),
                SessionTokens.hash(csrf), now, now, idle.isAfter(absolute) ? absolute : idle, absolute,
                actor.clientIp(), truncate(userAgent));
        sessions.create(session);
        return new LoginUseCase.LoginResult(session, tokens.sign(token), csrf);
    }

    private static String truncate(String userAgent) {
        return userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }
}
