package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-ups that external logging refuses, before anything else starts: a wrong setting, and a required receiver
 * that does not answer. Each is one line on stdout and exit status 1.
 */
class ExternalLoggingStartIT {

    @Test
    void aWrongSettingStopsTheStartWithOneLineNamingIt() throws Exception {
        Path dir = Files.createTempDirectory("bangui-external-start-it-");
        try (ServiceProcess service = ServiceProcess.launch(Map.of(
                "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                "BANGUI_EXTERNAL_LOGGING", "syslog",
                "BANGUI_EXTERNAL_LOGGING_HOST", "logs.example",
                "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "http"), dir.resolve("bangui.log"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(service.logLines()).filteredOn(l -> !l.isBlank()).singleElement().asString()
                    .endsWith("startup_failed stage=settings reason=\"BANGUI_EXTERNAL_LOGGING_PROTOCOL: 'http' "
                            + "is not udp, tcp or tls\"");
        }
    }

    @Test
    void aRequiredReceiverThatDoesNotAnswerStopsTheStart() throws Exception {
        Path dir = Files.createTempDirectory("bangui-external-start-it-");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ServiceProcess service = ServiceProcess.launch(Map.of(
                "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                "BANGUI_EXTERNAL_LOGGING", "gelf",
                "BANGUI_EXTERNAL_LOGGING_HOST", "127.0.0.1",
                "BANGUI_EXTERNAL_LOGGING_PORT", Integer.toString(closed),
                "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "tcp",
                "BANGUI_EXTERNAL_LOGGING_REQUIRED", "true"), dir.resolve("bangui.log"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(service.logLines()).filteredOn(l -> !l.isBlank()).singleElement().asString()
                    .endsWith("external_logging_unreachable target=\"gelf over tcp to 127.0.0.1:" + closed
                            + " connection refused\" required=true");
        }
    }
}
