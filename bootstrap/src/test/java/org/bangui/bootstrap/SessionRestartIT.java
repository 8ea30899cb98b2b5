package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions across restarts of the service on one SQLite file: they survive a restart, and rotating the
 * session secret ends them. Also the generated setup token and session secret files (mode 0600).
 */
class SessionRestartIT {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path dir;
    static Fail2banSandbox fail2ban;

    @BeforeAll
    static void startFail2ban() {
        fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
    }

    @AfterAll
    static void stopFail2ban() {
        fail2ban.close();
    }

    private static ApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "bangui.port", -1,
                "bangui.database.path", dir.resolve("data/bangui.db").toString(),
                "bangui.fail2ban.socket", fail2ban.socket().toString(),
                "bangui.fail2ban.config-dir", fail2ban.configDir().toString()));
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static Api client(ApplicationContext context) {
        return new Api(context.getBean(EmbeddedServer.class).getURI(), context.getBean(JsonMapper.class));
    }

    @Test
    void sessionSurvivesRestartAndSecretRotationEndsIt() throws Exception {
        Api session;
        try (ApplicationContext first = start(Map.of())) {
            Path tokenFile = dir.resolve("data/setup-token");
            assertThat(tokenFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/session-secret"))))
                    .isEqualTo("rw-------");
            String token = Files.readString(tokenFile).trim();
            Api anonymous = client(first);
            assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + token + "\",\"password\":\""
                    + PASSWORD + "\"}").status()).isEqualTo(201);
            assertThat(tokenFile).as("the token is single-use").doesNotExist();
            session = anonymous.login(PASSWORD);
            assertThat(session.get("/api/v1/jails").status()).isEqualTo(200);
        }
        try (ApplicationContext second = start(Map.of())) {
            Api again = client(second).withSession(session.cookie(), null);
            assertThat(again.get("/api/v1/auth/session").status()).isEqualTo(200);
            assertThat(again.get("/api/v1/jails").status()).isEqualTo(200);
        }
        try (ApplicationContext rotated = start(Map.of("bangui.session-secret",
                "a-brand-new-secret-that-is-long-enough-0123456789"))) {
            Api stale = client(rotated).withSession(session.cookie(), null);
            assertThat(stale.get("/api/v1/auth/session").status()).isEqualTo(401);
            assertThat(client(rotated).login(PASSWORD).get("/api/v1/jails").status()).isEqualTo(200);
        }
    }
}
