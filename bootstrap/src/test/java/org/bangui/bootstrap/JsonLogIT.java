package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default {@code BANGUI_LOG_FORMAT=json} stdout is one JSON object per line from the very first line,
 * and every line written while a request is handled carries that request's id (and, once it is authenticated, a
 * short hash of its session id) as top-level fields.
 * Found by starting the jar: logback printed some thirty lines of its own status (a warning about the appender
 * the chosen format does not use triggers it) before the first JSON line, which a log shipper parsing JSON lines
 * rejects or indexes as garbage.
 */
class JsonLogIT {

    private static final String TOKEN = "json-log-it-token-5a2b7c";
    private static final String PASSWORD = "json log it password 8c1d";
    private static final String GENERATED = "[A-Za-z0-9_-]{22}";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static Path dir;
    private static Fail2banSandbox fail2ban;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("bangui-json-log-it-");
        fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
        service = ServiceProcess.start(Map.of(
                "BANGUI_LOG_FORMAT", "json",
                "BANGUI_RATE_LIMIT_LOGIN", "100/1m",
                "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                "BANGUI_SETUP_TOKEN", TOKEN), dir.resolve("bangui.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (fail2ban != null) {
            fail2ban.close();
        }
    }

    @Test
    void everyLineOnStdoutIsAJsonObjectFromTheFirst() throws Exception {
        List<String> lines = service.logLines().stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).anyMatch(l -> l.contains("startup_stage_completed"));
        for (String line : lines) {
            assertThat(line).as("stdout line").startsWith("{");
            assertThat(JSON.readValue(line, Map.class)).as(line).containsKey("message");
        }
    }

    @Test
    void everyRequestsLinesCarryItsOwnIdAndAMalformedIdIsNeverUsed() throws Exception {
        Api admin = service.setUp(TOKEN, PASSWORD);
        List<Api> sessions = new ArrayList<>();
        List<String> sessionHashes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api client = service.api().login(PASSWORD);
            sessions.add(client);
            sessionHashes.add(shortHash((String) client.get("/api/v1/auth/session").json().get("id")));
        }
        String tooLong = "a".repeat(500);
        List<String> malformed = List.of(tooLong, "\"quoted\"-id", "forged {\"request_id\":\"x\"}", "");
        RawHttp raw = new RawHttp(service.uri().getPort(), JSON);

        List<Callable<Sent>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "good-" + i + ".id_X";
            requests.add(() -> Sent.failedLogin(id, service.api().post("/api/v1/auth/login", wrongPassword(),
                    "X-Request-Id", id)));
        }
        for (String bad : malformed) {
            requests.add(() -> Sent.failedLogin(bad, service.api().post("/api/v1/auth/login", wrongPassword(),
                    "X-Request-Id", bad)));
        }
        for (int i = 0; i < 4; i++) {
            requests.add(() -> Sent.failedLogin(null, service.api().post("/api/v1/auth/login", wrongPassword())));
        }
        // a line break in the header: the folded line is joined to the value, which is then malformed
        requests.add(() -> new Sent("split {\"request_id\":\"injected\"}", raw.send("GET", "/api/v1/jails",
                List.of("X-Request-Id: split", " {\"request_id\":\"injected\"}")), null));
        // answered before routing, by the CORS filter
        requests.add(() -> new Sent("preflight-1", service.api().send("OPTIONS", "/api/v1/jails", null,
                "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "DELETE",
                "X-Request-Id", "preflight-1"), null));
        for (int i = 0; i < sessions.size(); i++) {
            String id = "logout-" + i;
            Api client = sessions.get(i);
            requests.add(() -> Sent.logout(id, client.post("/api/v1/auth/logout", null, "X-Request-Id", id)));
        }
        List<Sent> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Sent> done : pool.invokeAll(requests)) {
                sent.add(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        admin.get("/api/v1/auth/session"); // a request after the others: their lines are written by now

        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : service.logLines()) {
            if (!line.isBlank()) {
                lines.add(JSON.readValue(line, Map.class));
            }
        }
        for (Sent request : sent) {
            String id = request.response().header("X-Request-Id").orElseThrow();
            if (request.wellFormed()) {
                assertThat(id).isEqualTo(request.offered());
            } else {
                assertThat(id).as("the id answered to %s", request.offered()).matches(GENERATED);
            }
            List<Map<String, Object>> own = lines.stream().filter(l -> id.equals(l.get("request_id"))).toList();
            if (request.event() != null) {
                assertThat(own).as("the lines of request %s", id)
                        .filteredOn(l -> request.event().equals(l.get("event"))).hasSize(1);
            }
        }
        assertThat(sent.stream().map(s -> s.response().header("X-Request-Id").orElseThrow()).distinct())
                .hasSize(sent.size());
        // each failed login wrote one line; with an id leaking from one request into another some id would
        // show on two of them and another on none
        assertThat(lines).filteredOn(l -> "auth_login_failure".equals(l.get("event")))
                .hasSize((int) sent.stream().filter(s -> "auth_login_failure".equals(s.event())).count());
        assertThat(lines).filteredOn(l -> "session_destroyed".equals(l.get("event")))
                .extracting(l -> l.get("session")).containsExactlyInAnyOrderElementsOf(sessionHashes);
        String text = service.logText();
        assertThat(text).doesNotContain("a".repeat(65)).doesNotContain("quoted").doesNotContain("forged")
                .doesNotContain("injected");
    }

    private static String wrongPassword() {
        return "{\"password\":\"not the password\"}";
    }

    private static String shortHash(String sessionId) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    /** One request sent, the id it offered (null for none) and the event it must log. */
    private record Sent(String offered, Api.Response response, String event) {

        static Sent failedLogin(String offered, Api.Response response) {
            return new Sent(offered, response, response.status() == 401 ? "auth_login_failure" : null);
        }

        static Sent logout(String offered, Api.Response response) {
            assertThat(response.status()).as("logout").isLessThan(300);
            return new Sent(offered, response, "session_destroyed");
        }

        boolean wellFormed() {
            return offered != null && offered.matches("[A-Za-z0-9._-]{1,64}");
        }
    }
}
