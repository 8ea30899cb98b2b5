package org.bangui.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.session.SessionPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionPort} does. Times are relative to the real clock, in whole milliseconds, so that a
 * store which expires entries by itself (Redis) keeps them for the test; expiry is checked through the
 * {@code now} the port takes.
 */
public abstract class SessionPortContract {

    protected SessionPort sessions;
    protected final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** An empty store, fresh for each test. */
    protected abstract SessionPort emptyStore();

    @BeforeEach
    void freshStore() {
        sessions = emptyStore();
    }

    /** A session created {@code createdAgo} before {@link #base} with the given idle and absolute expiry. */
    protected static Session session(Instant createdAt, Instant idleExpiresAt, Instant absoluteExpiresAt) {
        return new Session(SessionId.of(hex(16)), hex(32), hex(32), createdAt, createdAt, idleExpiresAt,
                absoluteExpiresAt, "2001:db8::7", "Mozilla/5.0 (X11; Linux) \u00e9t\u00e9");
    }

    private Session activeSession() {
        return session(base, base.plus(Duration.ofMinutes(30)), base.plus(Duration.ofHours(12)));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void createdSessionIsFoundByTokenHashAndByIdWithEveryField() {
        Session session = activeSession();
        sessions.create(session);

        assertThat(sessions.findByTokenHash(session.tokenHash())).contains(session);
        assertThat(sessions.findById(session.id())).contains(session);
    }

    @Test
    void unknownTokenHashAndIdFindNothing() {
        sessions.create(activeSession());

        assertThat(sessions.findByTokenHash(hex(32))).isEmpty();
        assertThat(sessions.findById(SessionId.of(hex(16)))).isEmpty();
    }

    @Test
    void touchMovesLastSeenAndIdleExpiryOnly() {
        Session session = activeSession();
        sessions.create(session);
        Instant later = base.plus(Duration.ofMinutes(10));

        sessions.touch(session.id(), later, later.plus(Duration.ofMinutes(30)));

        Session touched = sessions.findById(session.id()).orElseThrow();
        assertThat(touched).isEqualTo(session.touchedAt(later, Duration.ofMinutes(30)));
        assertThat(sessions.findByTokenHash(session.tokenHash())).contains(touched);
    }

    @Test
    void touchOfAMissingSessionCreatesNothing() {
        SessionId missing = SessionId.of(hex(16));

        sessions.touch(missing, base, base.plus(Duration.ofMinutes(30)));

        assertThat(sessions.findById(missing)).isEmpty();
        assertThat(sessions.listActive(base)).isEmpty();
    }

    @Test
    void deleteReportsWhetherTheSessionExistedAndForgetsBothLookups() {
        Session session = activeSession();
        sessions.create(session);

        assertThat(sessions.delete(session.id())).isTrue();
        assertThat(sessions.delete(session.id())).isFalse();
        assertThat(sessions.findById(session.id())).isEmpty();
        assertThat(sessions.findByTokenHash(session.tokenHash())).isEmpty();
        assertThat(sessions.listActive(base)).isEmpty();
    }

    @Test
    void listActiveSkipsIdleAndAbsolutelyExpiredSessionsNewestFirst() {
        Instant now = base.plus(Duration.ofMinutes(20));
        Session older = session(base, now.plus(Duration.ofMinutes(5)), base.plus(Duration.ofHours(1)));
        Session newer = session(base.plus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(5)),
                base.plus(Duration.ofHours(1)));
        Session idle = session(base, now, base.plus(Duration.ofHours(1)));
        Session absolute = session(base, now.plus(Duration.ofMinutes(5)), now.minusMillis(1));
        for (Session s : List.of(older, idle, newer, absolute)) {
            sessions.create(s);
        }

        assertThat(sessions.listActive(now)).containsExactly(newer, older);
    }

    @Test
    void deleteExpiredRemovesAndReturnsOnlyTheExpired() {
        Instant now = base.plus(Duration.ofMinutes(20));
        Session active = session(base, now.plus(Duration.ofMinutes(5)), base.plus(Duration.ofHours(1)));
        Session idle = session(base, now.minusSeconds(1), base.plus(Duration.ofHours(1)));
        Session absolute = session(base, now.plus(Duration.ofMinutes(5)), now);
        for (Session s : List.of(active, idle, absolute)) {
            sessions.create(s);
        }

        assertThat(sessions.deleteExpired(now)).containsExactlyInAnyOrder(idle, absolute);
        assertThat(sessions.findById(idle.id())).isEmpty();
        assertThat(sessions.findByTokenHash(absolute.tokenHash())).isEmpty();
        assertThat(sessions.findById(active.id())).contains(active);
        assertThat(sessions.deleteExpired(now)).isEmpty();
    }

    @Test
    void expiredSessionIsStillFoundUntilDeleted() {
        Session session = session(base, base.plus(Duration.ofMinutes(30)), base.plus(Duration.ofHours(12)));
        sessions.create(session);

        Optional<Session> found = sessions.findByTokenHash(session.tokenHash());

        assertThat(found).contains(session);
        assertThat(found.orElseThrow().isExpired(base.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void ofParallelDeletesOfOneSessionExactlyOneReportsIt() {
        Session session = activeSession();
        sessions.create(session);
        List<Callable<Boolean>> deletes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deletes.add(() -> sessions.delete(session.id()));
        }

        assertThat(Race.run(deletes)).containsOnlyOnce(true);
    }

    @Test
    void parallelCreatesAreAllKept() {
        List<Session> created = new ArrayList<>();
        List<Callable<Session>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Session s = session(base.plusMillis(i), base.plus(Duration.ofMinutes(30)), base.plus(Duration.ofHours(1)));
            created.add(0, s);
            creates.add(() -> {
                sessions.create(s);
                return s;
            });
        }
        Race.run(creates);

        assertThat(sessions.listActive(base)).containsExactlyElementsOf(created);
    }
}
