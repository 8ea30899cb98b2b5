package org.bangui.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the integration tests that run the whole service: a private fail2ban-server and a fresh SQLite
 * file per test class, wired in through the same {@code bangui.*} settings an operator uses. Subclasses are
 * {@code @MicronautTest(transactional = false)}, so every database call runs as it does in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxedServiceTest implements TestPropertyProvider {

    protected Path workDir;
    protected Fail2banSandbox fail2ban;
    protected Api api;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @BeforeEach
    void client() {
        api = new Api(server.getURI(), json);
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            workDir = Files.createTempDirectory("bangui-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fail2ban = Fail2banSandbox.start(workDir.resolve("fail2ban"));
        return Map.of(
                "bangui.port", "-1",
                "bangui.database.path", workDir.resolve("data/bangui.db").toString(),
                "bangui.fail2ban.socket", fail2ban.socket().toString(),
                "bangui.fail2ban.config-dir", fail2ban.configDir().toString(),
                "bangui.fail2ban.timeout", "5s",
                "bangui.dashboard.cache-time", "0s");
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
