package org.bangui.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.contract.InMemorySessionFake;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.ForbiddenException;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionNotFoundException;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.SetupException;
import org.junit.jupiter.api.Test;

/** The session rules with in-memory fakes and a clock the test moves. */
class SessionServiceTest {

    private static final Actor CLIENT = Actor.anonymous("203.0.113.9");

    /** Counts permits per key; refuses once the limit's permits are used (no refill within a test). */
    static final class CountingLimits implements RateLimitPort {
        final Map<String, Long> used = new HashMap<>();

        @Override
        public synchronized RateLimitDecision tryAcquire(String bucket, String key, RateLimit limit) {
            if (used.getOrDefault(bucket + key, 0L) >= limit.permits()) {
                return RateLimitDecision.refuse(limit.window());
            }
            used.merge(bucket + key, 1L, Long::sum);
            return RateLimitDecision.ALLOW;
        }

        @Override
        public synchronized void refund(String bucket, String key, RateLimit limit) {
            used.computeIfPresent(bucket + key, (k, n) -> n > 1 ? n - 1 : null);
        }

        @Override
        public int evictIdle() {
            return 0;
        }
    }

    /**
     * Holds every password check until each of {@code parties} login attempts has either reached a check or
     * been refused without one, so that all attempts are in flight at once whatever the scheduling.
     */
    static final class Rendezvous {
        private final int parties;
        private int arrived;

        Rendezvous(int parties) {
            this.parties = parties;
        }

        synchronized void arrive() {
            arrived++;
            notifyAll();
        }

        synchronized void arriveAndAwaitAll() throws InterruptedException {
            arrive();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (arrived < parties) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + arrived + " of " + parties + " attempts arrived");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T06:00:00Z"));
    private final InMemorySessionFake sessions = new InMemorySessionFake();
    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();
    private final PasswordHasherPort plain = new PasswordHasherPort() {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            return hash.equals("plain:" + password);
        }
    };
    private final AdminAccountPort account = new AdminAccountPort() {
        @Override
        public Optional<AdminAccount> load() {
            return Optional.of(new AdminAccount("plain:secret password", Instant.EPOCH, Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }

        @Override
        public boolean createIfAbsent(AdminAccount a) {
            return false;
        }
    };
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) ->
            audit.add(action.code() + (failure.isEmpty() ? "" : ":" + failure));
    private final SessionService service = new SessionService(sessions, account, plain, new CountingLimits(),
            events::add, auditTrail,
            new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), new RateLimit(5, Duration.ofMinutes(15)),
                    Duration.ofSeconds(1)),
            clock);

    private SessionService serviceWith(PasswordHasherPort hasher, RateLimitPort limits) {
        return new SessionService(sessions, account, hasher, limits, event -> { }, (actor, action, target, failure) -> { },
                new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), new RateLimit(5, Duration.ofMinutes(15)),
                        Duration.ofSeconds(1)),
                clock);
    }

    private LoginUseCase.LoginResult login() {
        return service.login(new LoginUseCase.LoginCommand("secret password", CLIENT, "test-agent"));
    }

    @Test
    void storesOnlyHashesAndReportsTheLogin() {
        LoginUseCase.LoginResult result = login();
        Session stored = sessions.findById(result.session().id()).orElseThrow();
        assertThat(stored.tokenHash()).isNotEmpty().doesNotContain(result.cookieValue().split("\\.")[0]);
        assertThat(stored.csrfHash()).isEqualTo(SessionTokens.hash(result.csrfToken()));
        assertThat(events).extracting(SecurityEvent::name)
                .containsExactly(SecurityEvent.LOGIN_SUCCESS, SecurityEvent.SESSION_CREATED);
        assertThat(audit).containsExactly("login");
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
    void parallelWrongPasswordsFromOneAddressAreCountedBeforeTheyAreVerified() throws Exception {
        int attempts = 20;
        Rendezvous allInFlight = new Rendezvous(attempts);
        PasswordHasherPort slowHasher = new PasswordHasherPort() {
            @Override
            public String hash(String password) {
                return plain.hash(password);
            }

            @Override
            public boolean verify(String password, String hash) {
                try {
                    allInFlight.arriveAndAwaitAll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return plain.verify(password, hash);
            }
        };
        SessionService parallel = serviceWith(slowHasher, new CountingLimits());
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
        CountingLimits limits = new CountingLimits();
        SessionService counted = serviceWith(plain, limits);
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
        SessionService beforeSetup = new SessionService(sessions, noAccount, plain, limits, event -> { },
                (actor, action, target, failure) -> { },
                new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), new RateLimit(5, Duration.ofMinutes(15)),
                        Duration.ofSeconds(1)), clock);
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

    @Test
    void validSessionSlidesAndIsServedFromTheCacheWithinTheCacheTime() {
        LoginUseCase.LoginResult result = login();
        service.authenticate(result.cookieValue(), CLIENT);
        int reads = sessions.reads();
        assertThat(service.recentlyValidated(result.cookieValue())).isPresent();
        clock.now = clock.now.plusMillis(500);
        service.authenticate(result.cookieValue(), CLIENT);
        assertThat(sessions.reads()).as("served from the cache").isEqualTo(reads);
        clock.now = clock.now.plusSeconds(40);
        Session touched = service.authenticate(result.cookieValue(), CLIENT);
        assertThat(sessions.touches()).isEqualTo(1);
        assertThat(touched.idleExpiresAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void idleAndAbsoluteExpiryEndTheSession() {
        LoginUseCase.LoginResult idle = login();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThatThrownBy(() -> service.authenticate(idle.cookieValue(), CLIENT))
                .isInstanceOf(AuthenticationException.class);

        LoginUseCase.LoginResult busy = login();
        for (int i = 0; i < 28; i++) { // 700 minutes of use every 25 minutes: within the 12 h
            clock.now = clock.now.plus(Duration.ofMinutes(25));
            service.authenticate(busy.cookieValue(), CLIENT);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(25));
        assertThatThrownBy(() -> service.authenticate(busy.cookieValue(), CLIENT))
                .as("12 h after login even though used every 25 min").isInstanceOf(AuthenticationException.class);
        assertThat(service.expireSessions()).isEqualTo(2);
        assertThat(events).extracting(SecurityEvent::name).contains(SecurityEvent.SESSION_EXPIRED);
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
        assertThat(audit).contains("session_revoke", "session_revoke:session_not_found", "logout");
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
}
