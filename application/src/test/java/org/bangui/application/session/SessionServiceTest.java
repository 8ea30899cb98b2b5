package org.bangui.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangui.application.session.SessionFixture.CLIENT;

import java.time.Duration;
import org.bangui.application.audit.Actor;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.ForbiddenException;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionNotFoundException;
import org.junit.jupiter.api.Test;

/** The session rules with in-memory fakes and a clock the test moves. */
class SessionServiceTest {

    private final SessionFixture f = new SessionFixture();
    private final LoginService logins = f.loginService();
    private final SessionService service = f.sessionService();

    private LoginUseCase.LoginResult login() {
        return logins.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "test-agent"));
    }

    @Test
    void validSessionSlidesAndIsServedFromTheCacheWithinTheCacheTime() {
        LoginUseCase.LoginResult result = login();
        service.authenticate(result.cookieValue(), CLIENT);
        int reads = f.sessions.reads();
        assertThat(service.recentlyValidated(result.cookieValue())).isPresent();
        f.clock.now = f.clock.now.plusMillis(500);
        service.authenticate(result.cookieValue(), CLIENT);
        assertThat(f.sessions.reads()).as("served from the cache").isEqualTo(reads);
        f.clock.now = f.clock.now.plusSeconds(40);
        Session touched = service.authenticate(result.cookieValue(), CLIENT);
        assertThat(f.sessions.touches()).isEqualTo(1);
        assertThat(touched.idleExpiresAt()).isEqualTo(f.clock.now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void idleAndAbsoluteExpiryEndTheSession() {
        LoginUseCase.LoginResult idle = login();
        f.clock.now = f.clock.now.plus(Duration.ofMinutes(31));
        assertThatThrownBy(() -> service.authenticate(idle.cookieValue(), CLIENT))
                .isInstanceOf(AuthenticationException.class);

        LoginUseCase.LoginResult busy = login();
        for (int i = 0; i < 28; i++) { // 700 minutes of use every 25 minutes: within the 12 h
            f.clock.now = f.clock.now.plus(Duration.ofMinutes(25));
            service.authenticate(busy.cookieValue(), CLIENT);
        }
        f.clock.now = f.clock.now.plus(Duration.ofMinutes(25));
        assertThatThrownBy(() -> service.authenticate(busy.cookieValue(), CLIENT))
                .as("12 h after login even though used every 25 min").isInstanceOf(AuthenticationException.class);
        int audited = f.audit.size();
        assertThat(service.expireSessions(Actor.system("session_cleanup"))).isEqualTo(2);
        assertThat(f.events).extracting(SecurityEvent::name).contains(SecurityEvent.SESSION_EXPIRED);
        assertThat(f.audit.subList(audited, f.audit.size())).as("each expiry audited")
                .containsExactly("session_expire", "session_expire");
        assertThat(f.auditActors.subList(audited, f.auditActors.size())).extracting(Actor::principal)
                .containsOnly("system:session_cleanup");
    }

    @Test
    void revokeAndLogoutTakeEffectDespiteTheCache() {
        LoginUseCase.LoginResult a = login();
        LoginUseCase.LoginResult b = login();
        service.authenticate(b.cookieValue(), CLIENT);
        service.revoke(b.session().id(), CLIENT);
        assertThat(service.recentlyValidated(b.cookieValue())).isEmpty();
        assertThatThrownBy(() -> service.authenticate(b.cookieValue(), CLIENT))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> service.revoke(b.session().id(), CLIENT)).isInstanceOf(SessionNotFoundException.class);

        Session session = service.authenticate(a.cookieValue(), CLIENT);
        service.logout(session, CLIENT);
        assertThatThrownBy(() -> service.authenticate(a.cookieValue(), CLIENT))
                .isInstanceOf(AuthenticationException.class);
        assertThat(f.audit).contains("session_revoke", "session_revoke:session_not_found", "logout");
    }

    @Test
    void csrfMustMatchTheSessionsToken() {
        LoginUseCase.LoginResult result = login();
        Session session = result.session();
        service.checkCsrf(session, result.csrfToken());
        for (String bad : new String[] {null, "", "x", result.csrfToken() + "x", "a".repeat(300)}) {
            assertThatThrownBy(() -> service.checkCsrf(session, bad)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void auditNamesEachAction() {
        assertThat(AuditAction.fromCode("login")).contains(AuditAction.LOGIN);
        assertThat(AuditAction.fromCode("LOGIN")).isEmpty();
    }

    @Test
    void anExpiredSessionCannotBeRevoked() {
        LoginUseCase.LoginResult result = login();
        f.clock.now = f.clock.now.plus(Duration.ofMinutes(31));
        assertThatThrownBy(() -> service.revoke(result.session().id(), CLIENT))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(f.audit).containsExactly("login", "session_revoke:session_not_found");
    }
}
