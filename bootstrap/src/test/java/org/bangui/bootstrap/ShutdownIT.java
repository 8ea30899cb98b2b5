package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a real process: SIGTERM while a job runs (a health check stuck on a paused fail2ban)
 * logs the shutdown events in order, records the overrunning job {@code interrupted}, and the process exits.
 */
class ShutdownIT {

    private static final String TOKEN = "shutdown-it-token-4f1c9e";
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void sigtermWhileAJobRunsDrainsItInterruptsItAtTheTimeoutAndShutsDownInOrder() throws Exception {
        Path dir = Files.createTempDirectory("bangui-shutdown-it-");
        Path database = dir.resolve("data/bangui.db");
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "BANGUI_DATABASE_PATH", database.toString(),
                     "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                     "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                     "BANGUI_FAIL2BAN_TIMEOUT", "60s",
                     "BANGUI_SETUP_TOKEN", TOKEN,
                     "BANGUI_SHUTDOWN_TIMEOUT", "3s",
                     "BANGUI_JOBS_HEALTH_CHECK_INTERVAL", "1h"), dir.resolve("bangui.log"))) {
            Api api = service.setUp(TOKEN, PASSWORD);

            fail2ban.pause();
            long runId;
            int exit;
            try {
                Api.Response run = api.post("/api/v1/jobs/health_check/run", null);
                assertThat(run.status()).as(run.toString()).isEqualTo(202);
                runId = ((Number) run.json().get("runId")).longValue();
                assertThat(api.get("/api/v1/jobs").list("jobs")).anySatisfy(j -> assertThat(j)
                        .containsEntry("name", "health_check").containsEntry("running", true));
                service.terminate();
                exit = service.awaitExit(Duration.ofSeconds(30));
            } finally {
                fail2ban.resume();
            }
            assertThat(exit).as("a SIGTERM handled to completion").isIn(0, 143);
            List<String> events = List.of("bangui_shutting_down timeout_seconds=3.0",
                    "scheduler_stopped_accepting_jobs", "waiting_for_pending_tasks count=",
                    "pending_tasks_timeout cancelled_count=", "http_session_closed", "scheduler_lock_released",
                    "bangui_shut_down");
            List<String> log = service.logLines();
            int previous = -1;
            for (String event : events) {
                int at = indexOf(log, event, previous + 1);
                assertThat(at).as(event + " after line " + previous + " in\n" + String.join("\n", log))
                        .isGreaterThan(previous);
                previous = at;
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT outcome, detail FROM job_run WHERE id = ?")) {
                query.setLong(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("outcome")).isEqualTo("interrupted");
                    assertThat(row.getString("detail")).contains("shutdown timeout");
                }
            }
        }
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
