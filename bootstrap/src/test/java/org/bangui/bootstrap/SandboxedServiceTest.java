package org.bangui.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the integration tests that run the whole service: a private fail2ban-server and a fresh SQLite
 * file per test class, wired in through the same {@code bangui.*} settings an operator uses. Setup is
 * completed with a known token and one session is opened per class ({@link #api}); {@link #anonymous} has no
 * session. Subclasses are {@code @MicronautTest(transactional = false)}, so every database call runs as it
 * does in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxedServiceTest implements TestPropertyProvider {

    protected static final String SETUP_TOKEN = "it-setup-token-5b7e1f0c9a";
    protected static final String PASSWORD = "correct horse battery staple";

    protected Path workDir;
    protected Fail2banSandbox fail2ban;
    /** A client with the class's session. */
    protected Api api;
    /** A client without a session. */
    protected Api anonymous;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        if (fail2ban == null) { // the framework may ask more than once: start one sandbox per class
            try {
                workDir = Files.createTempDirectory("bangui-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail2ban = Fail2banSandbox.start(workDir.resolve("fail2ban"));
        }
        Map<String, String> properties = new HashMap<>(Map.of(
                "bangui.port", "-1",
                "bangui.database.path", workDir.resolve("data/bangui.db").toString(),
                "bangui.fail2ban.socket", fail2ban.socket().toString(),
                "bangui.fail2ban.config-dir", fail2ban.configDir().toString(),
                "bangui.fail2ban.timeout", "5s",
                "bangui.dashboard.cache-time", "0s",
                "bangui.setup-token", SETUP_TOKEN,
                // the tests send far more than 200 requests a minute from one address
                "bangui.rate-limit-global", "1000000/1m"));
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** Whether the base completes setup and logs in before the tests. */
    protected boolean completeSetup() {
        return true;
    }

    @BeforeEach
    void clients() {
        anonymous = new Api(server.getURI(), json);
        if (api == null && completeSetup()) {
            if (!Boolean.TRUE.equals(anonymous.get("/api/v1/setup").json().get("complete"))) {
                Api.Response setup = anonymous.post("/api/v1/setup",
                        "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\"" + PASSWORD + "\"}");
                if (setup.status() != 201) {
                    throw new AssertionError("setup failed: " + setup);
                }
            }
            api = anonymous.login(PASSWORD);
        }
    }

    protected Path databaseFile() {
        return workDir.resolve("data/bangui.db");
    }

    @AfterAll
    void stopFail2ban() {
        if (fail2ban != null) {
            fail2ban.close();
        }
    }
}
