package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.bootstrap.logging.LogReceiver;
import org.junit.jupiter.api.Test;

/**
 * GELF over TCP to a receiver that is not there at start, with {@code BANGUI_EXTERNAL_LOGGING_REQUIRED=false}:
 * the service starts, says it is degraded (log line and health component, readiness unaffected), and ships its
 * lines once the receiver listens, up to the last line at shutdown.
 */
class ExternalGelfDegradedIT {

    private static final String TOKEN = "external-gelf-it-token-9c2a";
    private static final String PASSWORD = "external gelf it password 5d0e";
    private static final String METRICS_TOKEN = "external-gelf-it-metrics-token-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    @SuppressWarnings("unchecked")
    void startsDegradedWithoutTheReceiverAndShipsGelfOnceItListensUntilShutdown() throws Exception {
        Path dir = Files.createTempDirectory("bangui-external-gelf-it-");
        int port = ServiceProcess.freePort();
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                     "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                     "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                     "BANGUI_SETUP_TOKEN", TOKEN,
                     "BANGUI_METRICS_TOKEN", METRICS_TOKEN,
                     "BANGUI_EXTERNAL_LOGGING", "gelf",
                     "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "tcp",
                     "BANGUI_EXTERNAL_LOGGING_HOST", "127.0.0.1",
                     "BANGUI_EXTERNAL_LOGGING_PORT", Integer.toString(port)), dir.resolve("bangui.log"))) {
            assertThat(service.logText()).contains("external_logging_degraded target=\"gelf over tcp to 127.0.0.1:"
                    + port + "\" reason=\"connection refused\"");
            Api admin = service.setUp(TOKEN, PASSWORD);
            Api.Response health = admin.get("/api/v1/health");
            assertThat(health.json()).containsEntry("status", "degraded");
            assertThat(health.list("components")).filteredOn(c -> "external_logging".equals(c.get("name")))
                    .singleElement().satisfies(c -> assertThat(c).containsEntry("status", "down")
                            .extracting(d -> (String) d.get("detail")).asString()
                            .startsWith("degraded: gelf over tcp could not be reached at start (connection refused)"));
            assertThat(admin.get("/api/v1/health/ready").status()).as("not required: still ready").isEqualTo(200);
            assertThat(admin.get("/prometheus", "Authorization", "Bearer " + METRICS_TOKEN).body())
                    .containsPattern("(?m)^bangui_external_logging_init_failures_total(\\{[^}]*})? 1\\.0$");

            try (LogReceiver receiver = LogReceiver.tcp(port, LogReceiver.Framing.NUL_TERMINATED, null)) {
                Api.Response failed = service.api().post("/api/v1/auth/login", "{\"password\":\"wrong\"}",
                        "X-Request-Id", "ext-gelf-1");
                assertThat(failed.status()).isEqualTo(401);
                Map<String, Object> gelf = JSON.readValue(receiver.await(m -> m.contains("ext-gelf-1")
                        && m.contains("auth_login_failure"), Duration.ofSeconds(10)), Map.class);
                assertThat(gelf).containsEntry("version", "1.1").containsEntry("_event", "auth_login_failure")
                        .containsEntry("_request_id", "ext-gelf-1").containsEntry("level", 4)
                        .containsEntry("_logger_name", "bangui.security");
                assertThat((String) gelf.get("short_message")).contains("client_ip=127.0.0.1")
                        .doesNotContain("wrong");

                service.terminate();
                assertThat(service.awaitExit(Duration.ofSeconds(30))).isIn(0, 143);
                assertThat(receiver.messages()).as("the last lines, sent before the process ended")
                        .anyMatch(m -> m.contains("\"short_message\":\"bangui_shut_down\""));
                List<String> stdout = service.logLines();
                assertThat(stdout.get(stdout.size() - 1)).contains("external_logging_shutdown_complete dropped=");
            }
        }
    }
}
