package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The security events reach the log as named structured events, and no secret reaches the log at all. */
@MicronautTest(transactional = false)
class SecurityLogIT extends SandboxedServiceTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.session-idle-timeout", "2s", "bangui.maintenance-interval", "1s",
                "bangui.session-secret", "an-explicit-session-secret-of-forty-chars!");
    }

    @BeforeEach
    void capture() {
        captured.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(captured);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
    }

    @Test
    void securityEventsAreLoggedByNameAndSecretsNever() throws Exception {
        anonymous.post("/api/v1/auth/login", "{\"password\":\"a wrong password\"}");
        Api first = anonymous.login(PASSWORD);
        Api second = anonymous.login(PASSWORD);
        String secondId = (String) second.get("/api/v1/auth/session").json().get("id");
        first.delete("/api/v1/sessions/" + secondId);
        Api third = anonymous.login(PASSWORD);
        third.post("/api/v1/auth/logout", null);
        // first is left unused: it expires after 2 s and the clean-up reports it
        long deadline = System.nanoTime() + 8_000_000_000L;
        while (!events().contains("session_expired") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(events()).contains("auth_login_success", "auth_login_failure", "session_created",
                "session_destroyed", "session_expired");
        List<String> secrets = List.of(PASSWORD, "a wrong password", first.cookie(), second.cookie(),
                third.cookie(), csrfOf(first), "an-explicit-session-secret-of-forty-chars!", SETUP_TOKEN);
        for (ILoggingEvent event : List.copyOf(captured.list)) {
            String line = event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray())
                    + " " + event.getMDCPropertyMap();
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    assertThat(line).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
                    assertThat(line).doesNotContain(secret.substring(0, Math.min(16, secret.length())));
                }
            }
        }
    }

    @Test
    void malformedLoginBodiesAreLoggedAtDebugWithoutTheirText() {
        Logger problems = (Logger) LoggerFactory.getLogger("org.bangui.adapters.web.problem");
        Level before = problems.getLevel();
        problems.setLevel(Level.DEBUG);
        try {
            List<String> secrets = List.of("unquotedSecretPassword42", "second-secret-password",
                    "third-secret-password");
            anonymous.post("/api/v1/auth/login", "{\"password\": unquotedSecretPassword42}");
            anonymous.post("/api/v1/auth/login", "{\"password\":\"x\" \"second-secret-password\"}");
            anonymous.post("/api/v1/auth/login", "[\"third-secret-password\"]");
            List<String> lines = List.copyOf(captured.list).stream()
                    .filter(e -> e.getLoggerName().startsWith("org.bangui.adapters.web.problem"))
                    .map(e -> e.getFormattedMessage() + " " + Arrays.toString(e.getArgumentArray()))
                    .toList();
            assertThat(lines).as("the debug lines of the refusals").hasSizeGreaterThanOrEqualTo(3);
            for (String line : lines) {
                for (String secret : secrets) {
                    assertThat(line).doesNotContain(secret);
                }
            }
        } finally {
            problems.setLevel(before);
        }
    }

    private List<String> events() {
        return List.copyOf(captured.list).stream().filter(e -> e.getLoggerName().equals("bangui.security"))
                .map(e -> e.getFormattedMessage().replaceAll("^event=(\\S+).*", "$1"))
                .collect(Collectors.toList());
    }

    private static String csrfOf(Api client) {
        return client.csrf();
    }
}
