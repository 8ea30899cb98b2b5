package org.bangui.bootstrap.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogEventsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(MDC.getMDCAdapter()); // the MDC the tests write to
    }

    private LoggingEvent event(String logger, String message, Object... arguments) {
        return new LoggingEvent("test", context.getLogger(logger), Level.INFO, message, null, arguments);
    }

    @Test
    void bangUiLinesAreNamedByTheirLeadingSnakeCaseWord() {
        assertThat(LogEvents.of(event("org.bangui.bootstrap.X", "database_checkpoint_failed reason=X")))
                .isEqualTo("database_checkpoint_failed");
        assertThat(LogEvents.of(event("org.bangui.bootstrap.X", "bangui_shut_down"))).isEqualTo("bangui_shut_down");
        assertThat(LogEvents.of(event("org.bangui.bootstrap.X", "setup_pending: complete it"))).isEqualTo(
                "setup_pending");
        assertThat(LogEvents.of(event("bangui.security", "{}", kv("event", "session_expired"))))
                .isEqualTo("session_expired");
    }

    @Test
    void bangUiLinesWithoutALeadingNameAreUnnamedNotGuessed() {
        assertThat(LogEvents.of(event("org.bangui.x.Y", "Started the thing"))).isEqualTo("bangui_log");
        assertThat(LogEvents.of(event("org.bangui.x.Y", "single reason=x"))).isEqualTo("bangui_log");
        assertThat(LogEvents.of(event("org.bangui.x.Y", "database-checkpointed oops"))).isEqualTo("bangui_log");
        assertThat(LogEvents.of(event("org.bangui.x.Y", "database_checkpointed=x"))).isEqualTo("bangui_log");
    }

    @Test
    void libraryLinesAreLibraryLogEvenWhenTheyLookLikeAnEvent() {
        assertThat(LogEvents.of(event("io.micronaut.runtime.Micronaut", "startup_completed in 3s")))
                .isEqualTo("library_log");
    }

    @Test
    void aStructuredEventArgumentWins() {
        assertThat(LogEvents.of(event("org.bangui.adapters.inprocess.S", "{} {}", kv("event", "auth_login_failure"),
                kv("session_id", "abc")))).isEqualTo("auth_login_failure");
    }

    @Test
    void everyJsonLineHasExactlyOneEventField() throws Exception {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.addProvider(new EventJsonProvider());
        encoder.start();
        assertThat(json(encoder, event("org.bangui.a.B", "job_run_finished job=x"))).containsEntry("event",
                "job_run_finished");
        assertThat(json(encoder, event("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting...")))
                .containsEntry("event", "library_log")
                .containsEntry("logger_name", "com.zaxxer.hikari.HikariDataSource");
        String security = new String(encoder.encode(event("org.bangui.s.S", "{} {}", kv("event", "auth_logout"),
                kv("ip", "127.0.0.1"))), StandardCharsets.UTF_8);
        assertThat(security.split("\"event\"", -1)).as(security).hasSize(2);
        assertThat(JSON.readValue(security, Map.class)).containsEntry("event", "auth_logout");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(LogstashEncoder encoder, LoggingEvent event) throws Exception {
        return JSON.readValue(new String(encoder.encode(event), StandardCharsets.UTF_8), Map.class);
    }
}
