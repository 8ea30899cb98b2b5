package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Every state change leaves exactly one audit entry; the trail pages with a keyset cursor. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT extends SandboxedServiceTest {

    @Override
    protected boolean completeSetup() {
        return false;
    }

    @Test
    @Order(1)
    void eachActionLeavesExactlyOneEntryAndPagingVisitsEachOnce() throws Exception {
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\""
                + PASSWORD + "\"}").status()).isEqualTo(201);
        assertThat(anonymous.post("/api/v1/auth/login", "{\"password\":\"wrong password\"}").status()).isEqualTo(401);
        Api admin = anonymous.login(PASSWORD);
        Api second = anonymous.login(PASSWORD);
        String adminId = (String) admin.get("/api/v1/auth/session").json().get("id");
        String secondId = (String) second.get("/api/v1/auth/session").json().get("id");

        assertThat(admin.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.91\"}").status()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/bans/sshd/192.0.2.91").status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/bans", "{\"jail\":\"blocklist\",\"ip\":\"192.0.2.92\"}").status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/bans/unban", "{\"ip\":\"192.0.2.92\"}").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/jails/nginx-http-auth/idle", "{\"idle\":true}").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/jails/no-such-jail/start", null).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/sessions/" + secondId).status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

        Api reader = anonymous.login(PASSWORD);
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = reader.get("/api/v1/audit?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            all.addAll(page.list("entries"));
            cursor = (String) page.json().get("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(all).extracting(e -> ((Number) e.get("id")).longValue()).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(
                e -> e.get("action") + ":" + e.get("outcome"), Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "setup:success", 1L, "login:failure", 1L, "login:success", 3L, "ban:success", 2L,
                "unban:success", 1L, "unban_all:success", 1L, "jail_idle:success", 1L, "jail_start:failure", 1L,
                "session_revoke:success", 1L, "logout:success", 1L));

        assertThat(all).filteredOn(e -> e.get("action").equals("ban")).allSatisfy(e ->
                assertThat(e).containsEntry("sessionId", adminId).containsEntry("clientIp", "127.0.0.1")
                        .containsEntry("principal", "admin"));
        assertThat(all).filteredOn(e -> e.get("action").equals("login") && e.get("outcome").equals("failure"))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("principal", "anonymous"));
        assertThat(all).filteredOn(e -> e.get("action").equals("session_revoke")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("target", secondId));
        assertThat(all).filteredOn(e -> e.get("action").equals("jail_start")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("detail", "unknown_jail"));

        Api.Response bans = reader.get("/api/v1/audit?action=ban");
        assertThat(bans.list("entries")).hasSize(2).extracting(e -> e.get("target"))
                .containsExactly("blocklist/192.0.2.92", "sshd/192.0.2.91");
        String firstAt = (String) all.get(all.size() - 1).get("at");
        assertThat(reader.get("/api/v1/audit?until=" + firstAt).list("entries")).isEmpty();
        assertThat(reader.get("/api/v1/audit?since=" + firstAt + "&limit=500").list("entries"))
                .hasSize(all.size());

        // the trail holds session ids, never tokens or the password
        String database = new String(Files.readAllBytes(databaseFile()), java.nio.charset.StandardCharsets.ISO_8859_1)
                + readWal();
        assertThat(database).doesNotContain(PASSWORD).doesNotContain(admin.cookie().substring(0, 20));
    }

    private String readWal() throws java.io.IOException {
        java.nio.file.Path wal = databaseFile().resolveSibling("bangui.db-wal");
        return Files.exists(wal) ? new String(Files.readAllBytes(wal), java.nio.charset.StandardCharsets.ISO_8859_1)
                : "";
    }

    @Test
    @Order(2)
    void auditQueryRefusesBadParameters() {
        Api reader = ensureSession();
        for (String query : List.of("action=nope", "since=yesterday", "until=2026-13-01T00:00:00Z", "limit=0",
                "limit=501", "limit=abc", "limit=-1", "cursor=%25%25", "cursor=YmVmb3JlOi0x", "cursor=bm9wZQ")) {
            Api.Response response = reader.get("/api/v1/audit?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    @Order(2)
    void timesOutsideTheSupportedRangeAnswer400InvalidTimeInsteadOfOverflowing() {
        Api reader = ensureSession();
        for (String query : List.of("since=-999999999-01-01T00:00:00Z", "until=-999999999-01-01T00:00:00Z",
                "since=%2B1000000000-12-31T23:59:59Z", "until=%2B10000-01-01T00:00:00Z",
                "since=1969-12-31T23:59:59Z", "until=9999-12-31T23:59:59.000000001Z")) {
            Api.Response response = reader.get("/api/v1/audit?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json()).as(query).containsEntry("code", "invalid_time");
        }
        for (String query : List.of("since=1970-01-01T00:00:00Z", "until=9999-12-31T23:59:59Z",
                "since=1970-01-01T00:00:00Z&until=9999-12-31T23:59:59Z")) {
            assertThat(reader.get("/api/v1/audit?" + query).status()).as(query).isEqualTo(200);
        }
    }

    private Api ensureSession() {
        if (!Boolean.TRUE.equals(anonymous.get("/api/v1/setup").json().get("complete"))) {
            anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\"" + PASSWORD
                    + "\"}");
        }
        return anonymous.login(PASSWORD);
    }
}
