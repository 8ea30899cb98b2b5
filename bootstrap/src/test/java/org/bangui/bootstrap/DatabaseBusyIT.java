package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.Test;

/**
 * Another process holding SQLite's write lock longer than the busy timeout (a second instance on the same file, a
 * backup): requests that must write answer 503 {@code database_unavailable}, never 500 with a stack trace in the
 * log, and the service answers normally as soon as the lock is gone. Found by holding {@code BEGIN EXCLUSIVE} from
 * the sqlite3 shell against a running instance.
 */
class DatabaseBusyIT {

    private static final String TOKEN = "database-busy-it-token-7e3d1a";
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void writesAnswer503WhileAnotherProcessHoldsTheWriteLockAndRecoverAfter() throws Exception {
        Path dir = Files.createTempDirectory("bangui-database-busy-it-");
        Path database = dir.resolve("data/bangui.db");
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "BANGUI_DATABASE_PATH", database.toString(),
                     "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                     "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                     "BANGUI_SETUP_TOKEN", TOKEN), dir.resolve("bangui.log"))) {
            service.setUp(TOKEN, PASSWORD);
            Api anonymous = service.api();
            String login = "{\"password\":\"" + PASSWORD + "\"}";

            try (Connection otherProcess = DriverManager.getConnection("jdbc:sqlite:" + database);
                 Statement statement = otherProcess.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
                try {
                    Api.Response refused = anonymous.post("/api/v1/auth/login", login);
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                    assertThat(refused.json()).containsEntry("code", "database_unavailable");
                    assertThat(refused.header("Retry-After")).isPresent();
                } finally {
                    statement.execute("COMMIT");
                }
            }

            for (int i = 0; i < 6; i++) { // every pooled connection is fine again
                assertThat(anonymous.post("/api/v1/auth/login", login).status()).isEqualTo(200);
            }
            assertThat(service.logText()).contains("database_unavailable")
                    .doesNotContain("Unexpected error").doesNotContain("\tat ");
        }
    }
}
