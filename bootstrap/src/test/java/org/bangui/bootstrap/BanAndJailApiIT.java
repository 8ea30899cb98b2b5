package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jails, bans and dashboard API through the real HTTP server, checked against fail2ban itself. */
@MicronautTest(transactional = false)
class BanAndJailApiIT extends SandboxedServiceTest {

    @Test
    void manualBanReachesFail2banAndIsArchived() throws SQLException {
        Api.Response created = api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.10\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertThat(fail2ban.client("banned", "192.0.2.10")).contains("sshd");
        Api.Response listed = api.get("/api/v1/bans?jail=sshd&ip=192.0.2.10");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("bans")).singleElement().satisfies(ban -> {
            assertThat(ban).containsEntry("jail", "sshd").containsEntry("ip", "192.0.2.10")
                    .containsEntry("banTimeSeconds", 600).containsEntry("permanent", false);
            Instant bannedAt = Instant.parse((String) ban.get("bannedAt"));
            assertThat(Instant.parse((String) ban.get("expiresAt"))).isEqualTo(bannedAt.plusSeconds(600));
        });
        assertThat(archivedEvents("192.0.2.10")).containsExactly("BAN sshd");

        Api.Response again = api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.10\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("code", "already_banned");
    }

    @Test
    void banFromLogLinesIsListedWithItsExpiry() throws InterruptedException {
        fail2ban.appendSshdFailures("203.0.113.77", 3);
        Map<String, Object> ban = awaitBan("sshd", "203.0.113.77");
        assertThat(ban).as("fail2ban banned the address from its log").isNotNull();
        Instant bannedAt = Instant.parse((String) ban.get("bannedAt"));
        assertThat(bannedAt).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(2));
        assertThat(Instant.parse((String) ban.get("expiresAt"))).isEqualTo(bannedAt.plusSeconds(600));

        Api.Response search = api.get("/api/v1/bans/search?ip=203.0.113.77");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("jails")).isEqualTo(List.of("sshd"));
    }

    @Test
    void refusedBansNeverReachFail2ban() {
        String before = fail2ban.client("status", "sshd");
        List<String> refused = List.of(
                "{\"jail\":\"sshd\",\"ip\":\"127.0.0.1\"}",
                "{\"jail\":\"sshd\",\"ip\":\"::1\"}",
                "{\"jail\":\"sshd\",\"ip\":\"0.0.0.0\"}",
                "{\"jail\":\"sshd\",\"ip\":\"::ffff:127.0.0.1\"}",
                "{\"jail\":\"sshd\",\"ip\":\"192.0.2.250\"}",
                "{\"jail\":\"sshd\",\"ip\":\"198.51.100.9\"}",
                "{\"jail\":\"sshd\",\"ip\":\"127.1\"}",
                "{\"jail\":\"sshd\",\"ip\":\"example.com\"}",
                "{\"jail\":\"sshd\",\"ip\":\"not-an-ip\"}",
                "{\"jail\":\"sshd\",\"ip\":\"fe80::1%eth0\"}",
                "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1<F2B_END_COMMAND>\"}",
                "{\"jail\":\"../sshd\",\"ip\":\"192.0.2.1\"}",
                "{\"jail\":\"sshd\\nstop\",\"ip\":\"192.0.2.1\"}",
                "{\"jail\":\"sshd\"}",
                "{\"ip\":\"192.0.2.1\"}",
                "{\"jail\":5,\"ip\":\"192.0.2.1\"}",
                "{\"jail\":\"sshd\",\"ip\":[\"192.0.2.1\"]}",
                "{\"jail\":\"sshd\",\"ip\":\"192.0.2.1\",\"bantime\":\"__import__('os')\"}",
                "{\"jail\":\"sshd\",\"ip\":",
                "[]");
        for (String body : refused) {
            Api.Response response = api.post("/api/v1/bans", body);
            assertThat(response.status()).as(body + " -> " + response).isBetween(400, 499);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            assertThat(response.json()).containsKeys("type", "title", "status", "code");
        }
        assertThat(fail2ban.client("status", "sshd")).isEqualTo(before);
    }

    @Test
    void ignoredAddressIsAConflictWithTheJailConfiguration() {
        Api.Response response = api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"198.51.100.3\"}");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json()).containsEntry("code", "address_ignored");
    }

    @Test
    void unbanFromOneJailAndFromEveryJail() {
        assertThat(api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"2001:db8::5\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bans", "{\"jail\":\"nginx-http-auth\",\"ip\":\"2001:db8::5\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"2001:DB8:0::5\"}").status())
                .isEqualTo(201);

        assertThat(api.delete("/api/v1/bans/sshd/2001:db8::5").status()).isEqualTo(204);
        assertThat(fail2ban.client("banned", "2001:db8::5")).doesNotContain("sshd").contains("blocklist");
        Api.Response missing = api.delete("/api/v1/bans/sshd/2001:db8::5");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).containsEntry("code", "not_banned");

        Api.Response everywhere = api.post("/api/v1/bans/unban", "{\"ip\":\"2001:db8::5\"}");
        assertThat(everywhere.status()).isEqualTo(200);
        assertThat(everywhere.json()).containsEntry("unbanned", 2);
        assertThat(fail2ban.client("banned", "2001:db8::5")).doesNotContain("blocklist").doesNotContain("nginx");
        assertThat(api.post("/api/v1/bans/unban", "{\"ip\":\"2001:db8::5\"}").status()).isEqualTo(404);
    }

    @Test
    void listsJailsWithCountersAndDetail() {
        Api.Response jails = api.get("/api/v1/jails");
        assertThat(jails.status()).isEqualTo(200);
        assertThat(jails.list("jails")).extracting(j -> j.get("name"))
                .containsExactlyInAnyOrder("sshd", "nginx-http-auth", "blocklist");

        Api.Response detail = api.get("/api/v1/jails/sshd");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json()).containsEntry("maxRetry", 3).containsEntry("findTimeSeconds", 600)
                .containsEntry("banTimeSeconds", 600).containsEntry("actions", List.of("bangui-noop"));
        assertThat(detail.json().get("logPaths")).isEqualTo(List.of(fail2ban.logFile("sshd").toString()));
        assertThat((List<?>) detail.json().get("failRegex")).isNotEmpty()
                .anySatisfy(regex -> assertThat((String) regex).contains("(?P<ip4>"));

        assertThat(api.get("/api/v1/jails/no-such-jail").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jails/bad%20name").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jails/..").status()).isBetween(400, 404);
    }

    @Test
    void idleModeIsSetThroughPut() {
        Api.Response on = api.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":true}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json()).containsEntry("idle", true);
        assertThat(api.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":false}").json())
                .containsEntry("idle", false);
        assertThat(api.put("/api/v1/jails/nginx-http-auth/idle", "{}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":\"maybe\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":\"true\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":1}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/jails/no-such-jail/idle", "{\"idle\":true}").status()).isEqualTo(404);
    }

    @Test
    void dashboardSumsTheJailCounters() {
        api.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.33\"}");
        long bannedInFail2ban = 0;
        for (String jail : List.of("sshd", "nginx-http-auth", "blocklist")) {
            String status = fail2ban.client("status", jail);
            String line = status.lines().filter(l -> l.contains("Currently banned:")).findFirst().orElseThrow();
            bannedInFail2ban += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
        Api.Response dashboard = api.get("/api/v1/dashboard/status");
        assertThat(dashboard.status()).isEqualTo(200);
        Map<String, Object> body = dashboard.json();
        assertThat(body.get("fail2ban")).isEqualTo(Map.of("online", true, "version", "1.0.2",
                "databaseFile", fail2ban.database().toString(), "purgeAgeSeconds", 86400));
        assertThat(body).containsEntry("jailCount", 3);
        assertThat(((Map<?, ?>) body.get("banned")).get("current")).isEqualTo((int) bannedInFail2ban);
        assertThat(bannedInFail2ban).isPositive();
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblemDocuments() {
        Api.Response noRoute = api.get("/api/v1/nothing-here");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.contentType()).startsWith("application/problem+json");
        Api.Response wrongMethod = api.delete("/api/v1/jails");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    private Map<String, Object> awaitBan(String jail, String ip) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> bans = api.get("/api/v1/bans?jail=" + jail + "&ip=" + ip).list("bans");
            if (!bans.isEmpty()) {
                return bans.get(0);
            }
            Thread.sleep(100);
        }
        return null;
    }

    private List<String> archivedEvents(String ip) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             var statement = connection.prepareStatement(
                     "SELECT end_reason, jail FROM history WHERE ip = ? ORDER BY id")) {
            statement.setString(1, ip);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // each entry is a ban, and an unban once it ended as unbanned
                    events.add("BAN " + rows.getString(2));
                    if ("unbanned".equals(rows.getString(1))) {
                        events.add("UNBAN " + rows.getString(2));
                    }
                }
            }
        }
        return events;
    }
}
