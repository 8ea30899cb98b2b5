package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sliding and absolute expiry with short timeouts (idle 2 s, lifetime 5 s) and the scheduled clean-up
 * (every second). Each test opens its own sessions.
 */
@MicronautTest(transactional = false)
class SessionLifecycleIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.session-idle-timeout", "2s", "bangui.session-lifetime", "5s",
                "bangui.maintenance-interval", "1s");
    }

    @Test
    void unusedSessionExpiresAfterTheIdleTimeoutAndIsCleanedUp() throws Exception {
        Api session = anonymous.login(PASSWORD);
        String id = (String) session.get("/api/v1/auth/session").json().get("id");
        assertThat(storedSessions(id)).isEqualTo(1);
        Thread.sleep(2_300);
        assertThat(session.get("/api/v1/auth/session").status()).isEqualTo(401);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (storedSessions(id) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(storedSessions(id)).as("the clean-up job deleted the expired session").isZero();
    }

    @Test
    void usedSessionSlidesButEndsAtItsAbsoluteLifetime() throws Exception {
        Api session = anonymous.login(PASSWORD);
        long start = System.nanoTime();
        // used every 0.6 s, it outlives the 2 s idle timeout...
        while (System.nanoTime() - start < 3_500_000_000L) {
            assertThat(session.get("/api/v1/auth/session").status()).isEqualTo(200);
            Thread.sleep(600);
        }
        // ...but not the 5 s lifetime
        while (System.nanoTime() - start < 5_300_000_000L) {
            Thread.sleep(300);
            session.get("/api/v1/auth/session");
        }
        assertThat(session.get("/api/v1/auth/session").status()).isEqualTo(401);
    }

    private int storedSessions(String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM login_session WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
