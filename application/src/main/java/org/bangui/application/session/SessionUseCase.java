package org.bangui.application.session;

import java.util.List;
import org.bangui.application.audit.Actor;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;

/** Everything done with an existing session. */
public interface SessionUseCase {

    /**
     * The live session behind a cookie value; records the use (sliding expiry).
     *
     * @throws org.bangui.domain.session.AuthenticationException if the cookie is missing, forged, revoked or expired
     */
    Session authenticate(String cookieValue, Actor actor);

    /**
     * The session behind a cookie value if it can be decided without the store: the signature is valid, the
     * session was validated recently, it has not expired and no write-back of its use is due. Empty means
     * "ask {@link #authenticate}", never "invalid". Never blocks.
     */
    java.util.Optional<Session> recentlyValidated(String cookieValue);

    /**
     * Checks the CSRF header of a state-changing request.
     *
     * @throws org.bangui.domain.session.ForbiddenException if it is missing or wrong
     */
    void checkCsrf(Session session, String csrfHeader);

    /** Ends the session. */
    void logout(Session session, Actor actor);

    /** Active sessions, newest first. */
    List<Session> activeSessions();

    /**
     * Ends another (or the same) session.
     *
     * @throws org.bangui.domain.session.SessionNotFoundException if no such session is active
     */
    void revoke(SessionId id, Actor actor);

    /**
     * Deletes expired sessions, reports each as a security event and audits each as {@code session_expire} by
     * {@code actor} (the job that runs it); returns how many.
     */
    int expireSessions(Actor actor);
}
