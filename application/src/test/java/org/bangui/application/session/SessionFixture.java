package org.bangui.application.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.contract.InMemorySessionFake;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.ratelimit.RateLimitDecision;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;

/** In-memory fakes and a clock the test moves, shared by the login and session tests. */
final class SessionFixture {

    static final Actor CLIENT = Actor.anonymous("203.0.113.9");

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
        final int parties;
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

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T06:00:00Z"));
    final InMemorySessionFake sessions = new InMemorySessionFake();
    final List<SecurityEvent> events = new ArrayList<>();
    final List<String> audit = new ArrayList<>();
    /** Who made each entry of {@link #audit}, in the same order. */
    final List<Actor> auditActors = new ArrayList<>();
    final PasswordHasherPort plain = new PasswordHasherPort() {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            return hash.equals("plain:" + password);
        }
    };
    final AdminAccountPort account = new AdminAccountPort() {
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
    final SessionTokens tokens = new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    final SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12),
            new RateLimit(5, Duration.ofMinutes(15)), Duration.ofSeconds(1));
    final SecurityRecorder recorder = new SecurityRecorder(events::add, (actor, action, target, failure) -> {
        audit.add(action.code() + (failure.isEmpty() ? "" : ":" + failure));
        auditActors.add(actor);
    });
    final SessionIssuer issuer = new SessionIssuer(sessions, tokens, policy, clock);

    /** A login service reporting to {@link #events} and {@link #audit}. */
    LoginService loginService() {
        return new LoginService(account, plain, new CountingLimits(), issuer, recorder);
    }

    /** A login service with another hasher, limits and account, reporting nowhere. */
    LoginService loginService(AdminAccountPort accounts, PasswordHasherPort hasher, RateLimitPort limits) {
        return new LoginService(accounts, hasher, limits, issuer,
                new SecurityRecorder(event -> { }, (actor, action, target, failure) -> { }));
    }

    /** A session service reporting to {@link #events} and {@link #audit}. */
    SessionService sessionService() {
        return new SessionService(sessions, tokens, policy, clock, recorder);
    }
}
