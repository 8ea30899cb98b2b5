package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.Test;

/**
 * A table of bad inputs across the endpoints: each answers a 4xx problem document, none a 5xx, and fail2ban's
 * state is the same afterwards.
 */
@MicronautTest(transactional = false)
class BadInputIT extends SandboxedServiceTest {

    private record Case(String method, String path, String body, String... headers) {
    }

    private static String ban(String jail, String ip) {
        return "{\"jail\":" + jail + ",\"ip\":" + ip + "}";
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void badInputsGetClientErrorsAndNeverReachFail2ban() {
        String long10k = "a".repeat(10_000);
        List<Case> cases = List.of(
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("example.com"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("localhost"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("127.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("fe80::1%eth0"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q(long10k))),
                new Case("POST", "/api/v1/bans", ban(q(long10k), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("ssh/d"), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q(".."), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("ss hd"), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd\\n"), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("192.0.2.1<F2B_END_COMMAND>"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd<F2B_END_COMMAND>"), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), "123")),
                new Case("POST", "/api/v1/bans", ban("[\"sshd\"]", q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), "{\"a\":1}")),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("0.0.0.0"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("::ffff:127.0.0.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("00001::1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("255.255.255.255"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("224.0.0.1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("ff02::1"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("10.0.0.0/7"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("::/0"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("127.0.0.0/30"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("198.18.0.0/"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("198.18.0.0/33"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("198.18.0.0/+24"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("198.18.0.0/24/8"))),
                new Case("POST", "/api/v1/bans", ban(q("sshd"), q("198.51.100.0/24"))),
                new Case("POST", "/api/v1/bans", "null"),
                new Case("POST", "/api/v1/bans", "[]"),
                new Case("POST", "/api/v1/bans", "\"sshd\""),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":"),
                new Case("POST", "/api/v1/bans", "{}"),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1\",\"bantime\":\"1+1\"}"),
                new Case("POST", "/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"" + "9".repeat(100_000) + "\"}"),
                new Case("POST", "/api/v1/bans", "jail=sshd&ip=192.0.2.1", "Content-Type", "text/plain"),
                new Case("PUT", "/api/v1/bans", ban(q("sshd"), q("192.0.2.1"))),
                new Case("DELETE", "/api/v1/bans/ss%20hd/192.0.2.1", null),
                new Case("DELETE", "/api/v1/bans/sshd/127.1", null),
                new Case("DELETE", "/api/v1/bans/..%2F..%2Fetc/192.0.2.1", null),
                new Case("DELETE", "/api/v1/bans/sshd/fe80::1%25eth0", null),
                new Case("DELETE", "/api/v1/bans/sshd/198.18.0.0%2F33", null),
                new Case("DELETE", "/api/v1/bans/sshd/00001::1", null),
                new Case("POST", "/api/v1/bans/unban", "{\"ip\":\"198.18.0.0/xx\"}"),
                new Case("POST", "/api/v1/bans/unban", "{\"ip\":\"localhost\"}"),
                new Case("POST", "/api/v1/bans/unban", "{\"ip\":null}"),
                new Case("POST", "/api/v1/bans/unban", "{\"ip\":\"192.0.2.1\",\"all\":true}"),
                new Case("GET", "/api/v1/bans?ip=example.com", null),
                new Case("GET", "/api/v1/bans?jail=ss%0Ahd", null),
                new Case("GET", "/api/v1/bans/search", null),
                new Case("GET", "/api/v1/bans/search?ip=1.2.3.4.5", null),
                new Case("GET", "/api/v1/jails/ss%20hd", null),
                new Case("POST", "/api/v1/jails/sshd%0Astop/stop", null),
                new Case("POST", "/api/v1/jails/..%2Fsshd/start", null),
                new Case("PUT", "/api/v1/jails/sshd/idle", "{\"idle\":\"yes\"}"),
                new Case("PUT", "/api/v1/jails/sshd/idle", "{\"idle\":true"),
                new Case("PUT", "/api/v1/jails/sshd/idle", "{\"idle\":true,\"force\":true}"),
                new Case("DELETE", "/api/v1/sessions/xyz", null),
                new Case("DELETE", "/api/v1/sessions/" + "a".repeat(32) + "%0A", null),
                new Case("GET", "/api/v1/audit?limit=99999", null),
                new Case("POST", "/api/v1/auth/login", "{\"password\":12345}"),
                new Case("POST", "/api/v1/auth/login", "{\"password\":\"" + "p".repeat(2000) + "\"}"),
                new Case("POST", "/api/v1/setup", "{\"setupToken\":[],\"password\":{}}"),
                // time parameters that parse but overflow every store
                new Case("GET", "/api/v1/audit?since=-999999999-01-01T00:00:00Z", null),
                new Case("GET", "/api/v1/audit?until=%2B1000000000-12-31T23:59:59Z", null),
                new Case("GET", "/api/v1/audit?since=1969-12-31T23:59:59Z&until=%2B10000-01-01T00:00:00Z", null),
                // the same bad inputs through the trailing-slash spelling of each route
                new Case("POST", "/api/v1/bans/", ban(q("sshd"), q("127.1"))),
                new Case("POST", "/api/v1/bans/", ban(q("ssh/d"), q("192.0.2.1"))),
                new Case("POST", "/api/v1/bans/", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1\",\"bantime\":1}"),
                new Case("POST", "/api/v1/bans/unban/", "{\"ip\":\"localhost\"}"),
                new Case("DELETE", "/api/v1/bans/sshd/127.1/", null),
                new Case("PUT", "/api/v1/jails/sshd/idle/", "{\"idle\":\"yes\"}"),
                new Case("POST", "/api/v1/jails/ss%20hd/stop/", null),
                new Case("GET", "/api/v1/audit/?since=-999999999-01-01T00:00:00Z", null),
                // escapes the JDK client sends: NUL, invalid and overlong UTF-8, double encoding
                new Case("DELETE", "/api/v1/bans/sshd%00/192.0.2.1", null),
                new Case("GET", "/api/v1/jails/%FF", null),
                new Case("GET", "/api/v1/jails/%C0%AE%C0%AE", null),
                new Case("GET", "/api/v1/jails/%252e%252e%252fetc", null),
                new Case("POST", "/api/v1/jails/sshd%2Fstop/start", null),
                new Case("GET", "/api/v1/bans?ip=192.0.2.1%00", null),
                // framework errors: wrong method, media types, empty and unknown bodies
                new Case("PATCH", "/api/v1/bans", "{}"),
                new Case("GET", "/api/v1/bans", null, "Accept", "text/html"),
                new Case("POST", "/api/v1/bans", ""),
                new Case("GET", "/health/x", null));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);

        String before = fail2banState();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Api.Response response = api.send(c.method(), c.path(), c.body(), c.headers());
            String shown = c.method() + " " + abbreviate(c.path()) + " " + abbreviate(c.body());
            if (response.status() < 400 || response.status() > 499) {
                failures.add(shown + " -> " + response.status() + " " + abbreviate(response.body()));
            } else if (!response.contentType().startsWith("application/problem+json")) {
                failures.add(shown + " -> not a problem document: " + response.contentType());
            } else if (response.body().contains("Exception") || response.body().contains("\tat ")) {
                failures.add(shown + " -> leaks internals: " + abbreviate(response.body()));
            } else if (!ProblemChecks.problems(response).isEmpty()) {
                failures.add(shown + " -> " + ProblemChecks.problems(response) + ": " + abbreviate(response.body()));
            }
        }
        assertThat(failures).as("bad inputs answered wrongly").isEmpty();
        assertThat(fail2banState()).as("fail2ban after the bad inputs").isEqualTo(before);
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void unreadableRequestsGetClientErrorsAndNeverReachFail2ban() {
        RawHttp raw = new RawHttp(server.getPort(), json);
        List<String> session = List.of("Cookie: bangui_session=" + api.cookie(), "X-CSRF-Token: " + api.csrf());
        List<String> manyHeaders = new ArrayList<>(session);
        for (int i = 0; i < 300; i++) {
            manyHeaders.add("X-Filler-" + i + ": " + "v".repeat(60));
        }
        String before = fail2banState();
        List<String> failures = new ArrayList<>();
        for (String[] request : new String[][] {{"POST", "/api/v1/bans?" + "a".repeat(6_000)},
                {"DELETE", "/api/v1/bans/sshd/192.0.2.1%ZZ"}, {"POST", "/api/v1/jails/sshd/stop%"},
                {"GET", "/api/v1/audit?since=%ZZ"}, {"PUT", "/api/v1/jails/sshd%2/idle"}}) {
            Api.Response response = raw.send(request[0], request[1], session);
            List<String> wrong = ProblemChecks.problems(response);
            if (!wrong.isEmpty()) {
                failures.add(request[0] + " " + abbreviate(request[1]) + " -> " + wrong);
            }
        }
        Api.Response tooManyHeaders = raw.send("POST", "/api/v1/jails/sshd/stop", manyHeaders);
        if (!ProblemChecks.problems(tooManyHeaders).isEmpty()) {
            failures.add("POST with 300 headers -> " + ProblemChecks.problems(tooManyHeaders));
        }
        assertThat(failures).as("unreadable requests answered wrongly").isEmpty();
        assertThat(fail2banState()).as("fail2ban after the unreadable requests").isEqualTo(before);
    }

    private String fail2banState() {
        StringBuilder state = new StringBuilder(fail2ban.client("banned"));
        for (String jail : Fail2banSandbox.JAILS) {
            state.append(fail2ban.client("status", jail));
        }
        return state.toString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
