package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.Test;

/**
 * With the default {@code BANGUI_LOG_FORMAT=json} stdout is one JSON object per line from the very first line.
 * Found by starting the jar: logback printed some thirty lines of its own status (a warning about the appender
 * the chosen format does not use triggers it) before the first JSON line, which a log shipper parsing JSON lines
 * rejects or indexes as garbage.
 */
class JsonLogIT {

    @Test
    void everyLineOnStdoutIsAJsonObjectFromTheFirst() throws Exception {
        Path dir = Files.createTempDirectory("bangui-json-log-it-");
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "BANGUI_LOG_FORMAT", "json",
                     "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                     "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                     "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                     "BANGUI_SETUP_TOKEN", "json-log-it-token-5a2b7c"), dir.resolve("bangui.log"))) {
            List<String> lines = service.logLines().stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines).anyMatch(l -> l.contains("startup_stage_completed"));
            JsonMapper json = JsonMapper.createDefault();
            for (String line : lines) {
                assertThat(line).as("stdout line").startsWith("{");
                assertThat(json.readValue(line, Map.class)).as(line).containsKey("message");
            }
        }
    }
}
