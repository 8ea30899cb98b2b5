package org.bangui.application.session;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.domain.session.Session;

/** Logs the administrator in. */
public interface LoginUseCase {

    /**
     * Checks the password and creates a session. Every attempt counts against the client address's allowance of
     * failed logins while its password is checked, and is given back unless the password was wrong; so however
     * many attempts arrive at once, no more than the allowance are checked.
     *
     * @throws org.bangui.domain.ratelimit.RateLimitedException when the client's address has used its allowance
     * @throws org.bangui.domain.session.AuthenticationException for a wrong password (generic message)
     * @throws org.bangui.domain.setup.SetupException if setup has not been completed
     */
    LoginResult login(LoginCommand command);

    /** A login attempt; the password is never logged or stored. */
    record LoginCommand(String password, Actor actor, String userAgent) {

        public LoginCommand {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(userAgent, "userAgent");
        }

        @Override
        public String toString() {
            return "LoginCommand[actor=" + actor + "]";
        }
    }

    /**
     * A new session and the two secrets only the client will hold.
     *
     * @param session the stored session (hashes only)
     * @param cookieValue the signed session cookie value
     * @param csrfToken the token the client must send in X-CSRF-Token
     */
    record LoginResult(Session session, String cookieValue, String csrfToken) {

        @Override
        public String toString() {
            return "LoginResult[session=" + session.id() + "]";
        }
    }
}
