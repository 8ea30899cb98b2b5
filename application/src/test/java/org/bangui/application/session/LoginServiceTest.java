package org.bangui.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangui.application.session.SessionFixture.CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bangui.application.audit.Actor;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.Session;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.SetupException;
import org.junit.jupiter.api.Test;

/** The login rules (throttle, password, new session) with in-memory fakes. */
class LoginServiceTest {

    private final SessionFixture f = new SessionFixture();
    private final LoginService service = f.loginService();

    private LoginUseCase.LoginResult login() {
        return service.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "test-agent"));
    }

    @Test
    void storesOnlyHashesAndReportsTheLogin() {
        LoginUseCase.LoginResult result = login();
        Session stored = f.sessions.findById(result.session().id()).orElseThrow();
        assertThat(stored.tokenHash()).isNotEmpty().doesNotContain(result.cookieValue().split("\\.")[0]);
        assertThat(stored.csrfHash()).isEqualTo(SessionTokens.hash(result.csrfToken()));
        assertThat(f.events).extracting(SecurityEvent::name)
                .containsExactly(SecurityEvent.LOGIN_SUCCESS, SecurityEvent.SESSION_CREATED);
        assertThat(f.audit).containsExactly("login");
        assertThat(result.toString()).doesNotContain(result.cookieValue()).doesNotContain(result.csrfToken());
    }

    @Test
    void sixthFailureIsThrottledEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> service.login(new LoginUseCase.LoginCommand("wrong", CLIENT, "")))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(this::login).isInstanceOf(RateLimitedException.class);
        assertThat(service.login(new LoginUseCase.LoginCommand("secret password", Actor.anonymous("192.0.2.1"),
                "")).session()).isNotNull();
    }

    @Test
    void onlyAThrottledLoginIsToldToTheRateLimitObserver() {
        List<LimitedAction> refused = new ArrayList<>();
        LoginService observed = new LoginService(f.account, f.plain, new SessionFixture.CountingLimits(), f.issuer,
                f.recorder, refused::add);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> observed.login(new LoginUseCase.LoginCommand("wrong", CLIENT, "")))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThat(refused).isEmpty();
        assertThatThrownBy(() -> observed.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "")))
                .isInstanceOf(RateLimitedException.class);
        assertThat(refused).containsExactly(LimitedAction.LOGIN_FAILURES);
    }

    @Test
    void parallelWrongPasswordsFromOneAddressAreCountedBeforeTheyAreVerified() throws Exception {
        int attempts = 20;
        SessionFixture.Rendezvous allInFlight = new SessionFixture.Rendezvous(attempts);
        PasswordHasherPort slowHasher = new PasswordHasherPort() {
            @Override
            public String hash(String password) {
                return f.plain.hash(password);
            }

            @Override
            public boolean verify(String password, String hash) {
                try {
                    allInFlight.arriveAndAwaitAll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return f.plain.verify(password, hash);
            }
        };
        LoginService parallel = f.loginService(f.account, slowHasher, new SessionFixture.CountingLimits());
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        parallel.login(new LoginUseCase.LoginCommand("wrong", CLIENT, ""));
                        return "logged in";
                    } catch (AuthenticationException wrongPassword) {
                        return "401";
                    } catch (RateLimitedException throttled) {
                        allInFlight.arrive(); // refused without a password check
                        return "429";
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn("401"::equals).hasSize(5);
            assertThat(answers).filteredOn("429"::equals).hasSize(attempts - 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void successfulLoginsAndRefusalsBeforeSetupDoNotUseTheFailureAllowance() {
        SessionFixture.CountingLimits limits = new SessionFixture.CountingLimits();
        LoginService counted = f.loginService(f.account, f.plain, limits);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> counted.login(new LoginUseCase.LoginCommand("wrong", CLIENT, "")))
                    .isInstanceOf(AuthenticationException.class);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(counted.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "")).session())
                    .isNotNull();
        }
        assertThat(limits.used).containsEntry("login_failures" + CLIENT.clientIp(), 4L);

        AdminAccountPort noAccount = new AdminAccountPort() {
            @Override
            public Optional<AdminAccount> load() {
                return Optional.empty();
            }

            @Override
            public boolean createIfAbsent(AdminAccount a) {
                return false;
            }
        };
        LoginService beforeSetup = f.loginService(noAccount, f.plain, limits);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> beforeSetup.login(new LoginUseCase.LoginCommand("wrong", CLIENT, "")))
                    .isInstanceOf(SetupException.class);
        }
        assertThat(limits.used).containsEntry("login_failures" + CLIENT.clientIp(), 4L);
        assertThatThrownBy(() -> counted.login(new LoginUseCase.LoginCommand("wrong", CLIENT, "")))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> counted.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "")))
                .isInstanceOf(RateLimitedException.class);
    }
}
