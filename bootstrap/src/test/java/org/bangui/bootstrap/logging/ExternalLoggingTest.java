package org.bangui.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.json.JsonMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Mode;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Protocol;
import org.bangui.domain.health.ProbeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The appenders against real receivers on loopback, in this JVM with a logger context of its own: syslog and
 * GELF over UDP (the process tests cover TCP and TLS), and what an unreachable receiver does.
 */
class ExternalLoggingTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(MDC.getMDCAdapter()); // the MDC the tests write to
    }

    @AfterEach
    void stop() {
        context.stop();
        MDC.clear();
    }

    private Logger logger() {
        return context.getLogger("org.bangui.application.auth.LoginService");
    }

    @Test
    void syslogOverUdpSendsRfc5424LinesWithTheEventAsMsgidAndTheRequestAsStructuredData() {
        try (LogReceiver receiver = LogReceiver.udp()) {
            ExternalLogging logging = ExternalLogging.start(new ExternalLoggingSettings(Mode.SYSLOG, "127.0.0.1",
                    receiver.port(), Protocol.UDP, true), context);
            MDC.put("request_id", "req-\"1]");
            logger().warn("auth_login_throttled ip=192.0.2.1");
            String line = receiver.await(m -> m.contains("auth_login_throttled ip="), WAIT);
            // <daemon*8+warning>1 TIMESTAMP HOST bangui PID MSGID [SD] MSG
            assertThat(line).matches("<28>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z \\S+ bangui "
                    + ProcessHandle.current().pid() + " auth_login_throttled "
                    + "\\[bangui@32473 request_id=\"req-\\\\\"1\\\\]\"] auth_login_throttled ip=192.0.2.1");
            assertThat(logging.initFailures()).isZero();
            logging.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void gelfOverUdpCarriesEventRequestIdAndShortMessage() throws Exception {
        try (LogReceiver receiver = LogReceiver.udp()) {
            ExternalLogging logging = ExternalLogging.start(new ExternalLoggingSettings(Mode.GELF, "127.0.0.1",
                    receiver.port(), Protocol.UDP, false), context);
            MDC.put("request_id", "req-2");
            MDC.put("session", "a1b2c3d4e5f6");
            logger().info("session_destroyed reason=logout");
            Map<String, Object> gelf = JSON.readValue(receiver.await(m -> m.contains("session_destroyed"), WAIT),
                    Map.class);
            assertThat(gelf).containsEntry("version", "1.1").containsEntry("short_message",
                    "session_destroyed reason=logout").containsEntry("_event", "session_destroyed")
                    .containsEntry("_request_id", "req-2").containsEntry("_session", "a1b2c3d4e5f6")
                    .containsEntry("_app_name", "bangui").containsEntry("level", 6);
            assertThat(new ExternalLoggingProbe(logging).probe().up()).isTrue();
            logging.close();
        }
    }

    @Test
    void closingSendsWhatIsBufferedAndDetachesTheAppender() {
        try (LogReceiver receiver = LogReceiver.udp()) {
            ExternalLogging logging = ExternalLogging.start(new ExternalLoggingSettings(Mode.GELF, "127.0.0.1",
                    receiver.port(), Protocol.UDP, false), context);
            for (int i = 0; i < 50; i++) {
                logger().info("line_" + i);
            }
            logging.close();
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ExternalLogging.APPENDER_NAME))
                    .isNull();
            assertThat(receiver.messages()).as("sent before close returned").hasSize(50);
            logging.close(); // a second close is harmless
        }
    }

    @Test
    void linesOfTheLocalOnlyLoggerStayOnThisHost() {
        try (LogReceiver receiver = LogReceiver.udp()) {
            ExternalLogging logging = ExternalLogging.start(new ExternalLoggingSettings(Mode.GELF, "127.0.0.1",
                    receiver.port(), Protocol.UDP, false), context);
            context.getLogger(ExternalLogging.LOCAL_ONLY_LOGGER).warn("setup_pending: one-time setup token s3cr3t");
            logger().info("after_the_token");
            logging.close();
            assertThat(receiver.messages()).as("sent before close returned").hasSize(1);
            assertThat(receiver.messages().get(0)).contains("after_the_token").doesNotContain("s3cr3t");
        }
    }

    @Test
    void anUnreachableRequiredReceiverStopsTheStartAndAddsNothing() throws Exception {
        int closed = closedPort();
        assertThatThrownBy(() -> ExternalLogging.start(new ExternalLoggingSettings(Mode.GELF, "127.0.0.1", closed,
                Protocol.TCP, true), context)).isInstanceOf(ExternalLogging.UnreachableException.class)
                .hasMessage("gelf over tcp to 127.0.0.1:" + closed + " connection refused");
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void anUnreachableOptionalReceiverDegradesCountsAndSaysSoInHealth() throws Exception {
        int closed = closedPort();
        ExternalLogging logging = ExternalLogging.start(new ExternalLoggingSettings(Mode.SYSLOG, "127.0.0.1", closed,
                Protocol.TCP, false), context);
        ExternalLoggingProbe probe = new ExternalLoggingProbe(logging);
        ProbeResult result = probe.probe();
        assertThat(logging.initFailures()).isEqualTo(1);
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).startsWith("degraded: syslog over tcp could not be reached at start "
                + "(connection refused)").doesNotContain("127.0.0.1");
        assertThat(probe.component()).isEqualTo("external_logging");
        assertThat(probe.requiredForReadiness()).isFalse();
        logging.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
