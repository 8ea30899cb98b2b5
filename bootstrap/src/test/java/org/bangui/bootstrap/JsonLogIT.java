package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.bootstrap.logging.LogReceiver;
import org.bangui.bootstrap.logging.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default {@code BANGUI_LOG_FORMAT=json} stdout is one JSON object per line from the very first line,
 * and every line written while a request is handled carries that request's id (and, once it is authenticated, a
 * short hash of its session id) as top-level fields.
 * Every line has an {@code event}. The lines also reach a syslog receiver over TLS as RFC 5424 messages.
 * Found by starting the jar: logback printed some thirty lines of its own status (a warning about the appender
 * the chosen format does not use triggers it) before the first JSON line, which a log shipper parsing JSON lines
 * rejects or indexes as garbage.
 */
class JsonLogIT {

    private static final String TOKEN = "json-log-it-token-5a2b7c";
    private static final String PASSWORD = "json log it password 8c1d";
    private static final String GENERATED = "[A-Za-z0-9_-]{22}";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** PRI, version 1, timestamp, host, APP-NAME, PROCID, MSGID, structured data, message. */
    private static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) bangui (\\d+) (\\S+) (-|\\[bangui@32473[^\\]]*\\])(?: (.*))?",
            Pattern.DOTALL);

    private static Path dir;
    private static Fail2banSandbox fail2ban;
    private static LogReceiver syslog;
    private static ServiceProcess service;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("bangui-json-log-it-");
        fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
        // the same lines also go to a syslog receiver over TLS, whose self-signed certificate the service trusts
        TestCertificate certificate = TestCertificate.create(dir);
        syslog = LogReceiver.tcp(0, LogReceiver.Framing.OCTET_COUNTING, certificate.serverContext());
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        jvm.addAll(certificate.trustStoreOptions());
        Map<String, String> env = new HashMap<>(Map.of(
                "BANGUI_EXTERNAL_LOGGING", "syslog",
                "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "tls",
                "BANGUI_EXTERNAL_LOGGING_HOST", "localhost",
                "BANGUI_EXTERNAL_LOGGING_PORT", Integer.toString(syslog.port()),
                "BANGUI_EXTERNAL_LOGGING_REQUIRED", "true"));
        env.putAll(Map.of(
                "BANGUI_LOG_FORMAT", "json",
                "BANGUI_RATE_LIMIT_LOGIN", "100/1m",
                "BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString(),
                "BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString(),
                "BANGUI_SETUP_TOKEN", TOKEN));
        service = ServiceProcess.start(jvm, env, dir.resolve("bangui.log"));
        admin = service.setUp(TOKEN, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (fail2ban != null) {
            fail2ban.close();
        }
        if (syslog != null) {
            syslog.close();
        }
    }

    @Test
    void theSameLinesReachASyslogReceiverOverTlsAsRfc5424Messages() throws Exception {
        // a successful login: the other test counts the failed ones
        service.api().login(PASSWORD, "X-Request-Id", "ext-syslog-1");

        Matcher login = header(syslog.await(m -> m.contains(" auth_login_success ")
                && m.contains("request_id=\"ext-syslog-1\""), WAIT));
        assertThat(Integer.parseInt(login.group(1))).as("facility daemon, severity informational").isEqualTo(30);
        assertThat(login.group(4)).isEqualTo(Long.toString(service.pid()));
        assertThat(login.group(7)).contains("client_ip=127.0.0.1").doesNotContain(PASSWORD);
        assertThat(header(syslog.messages().get(0)).group(5)).as("the first line shipped")
                .isEqualTo("external_logging_started");
        assertThat(syslog.messages()).anySatisfy(m -> assertThat(header(m).group(5))
                .isEqualTo("startup_stage_completed"));
        assertThat(syslog.messages()).anySatisfy(m -> assertThat(header(m).group(5)).isEqualTo("library_log"));
        Map<String, Object> component = service.api().get("/api/v1/health").list("components").stream()
                .filter(c -> "external_logging".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(component).containsEntry("status", "up");
    }

    private static Matcher header(String message) {
        Matcher m = RFC5424.matcher(message);
        assertThat(m.matches()).as("an RFC 5424 message: " + message).isTrue();
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLineOnStdoutIsAJsonObjectWithAnEventFromTheFirst() throws Exception {
        List<String> lines = service.logLines().stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).anyMatch(l -> l.contains("startup_stage_completed"));
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("stdout line").startsWith("{");
            Map<String, Object> json = JSON.readValue(line, Map.class);
            assertThat(json).as(line).containsKey("message");
            assertThat(json.get("event")).as("the event of " + line).isInstanceOf(String.class)
                    .asString().matches("[a-z][a-z0-9]*(_[a-z0-9]+)+");
            parsed.add(json);
        }
        // BanGUI's lines are named by their leading word; the libraries' lines are library_log with their logger
        assertThat(parsed).anySatisfy(j -> assertThat(j).containsEntry("event", "startup_stage_completed")
                .extractingByKey("message").asString().startsWith("startup_stage_completed stage="));
        assertThat(parsed).filteredOn(j -> !String.valueOf(j.get("logger_name")).startsWith("org.bangui.")
                && !String.valueOf(j.get("logger_name")).startsWith("bangui.")).isNotEmpty()
                .allSatisfy(j -> assertThat(j).containsEntry("event", "library_log"));
        assertThat(parsed).filteredOn(j -> String.valueOf(j.get("logger_name")).startsWith("org.bangui."))
                .noneSatisfy(j -> assertThat(j).containsEntry("event", "bangui_log"));
    }

    @Test
    void everyRequestsLinesCarryItsOwnIdAndAMalformedIdIsNeverUsed() throws Exception {
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
