package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSRF, cookie flags, the current session, revocation and logout, through the real HTTP server. */
@MicronautTest(transactional = false)
class SessionSecurityIT extends SandboxedServiceTest {

    @Test
    void stateChangesWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        Api withoutCsrf = api.withSession(cookieOf(api), null);
        Api wrongCsrf = api.withSession(cookieOf(api), "not-the-token");
        String before = fail2ban.client("banned");
        for (Api client : List.of(withoutCsrf, wrongCsrf)) {
            Api.Response ban = client.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.81\"}");
            assertThat(ban.status()).isEqualTo(403);
            assertThat(ban.json()).containsEntry("code", "csrf_token_invalid");
            assertThat(client.put("/api/v1/jails/sshd/idle", "{\"idle\":true}").status()).isEqualTo(403);
            assertThat(client.post("/api/v1/auth/logout", null).status()).isEqualTo(403);
            // reads need no CSRF token
            assertThat(client.get("/api/v1/jails").status()).isEqualTo(200);
        }
        assertThat(fail2ban.client("banned")).isEqualTo(before);

        assertThat(api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.81\"}").status()).isEqualTo(201);
        assertThat(fail2ban.client("banned", "192.0.2.81")).contains("sshd");
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndSecure() {
        Api.Response login = anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}");
        String cookie = login.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("bangui_session=").contains("HTTPOnly").contains("SameSite=Strict")
                .contains("Secure").contains("Path=/");
        assertThat(login.json()).containsKeys("csrfToken", "expiresAt", "absoluteExpiresAt");
        assertThat(login.header("Cache-Control")).contains("no-store");
    }

    @Test
    void currentSessionIsDescribedWithoutSecrets() {
        Api.Response session = api.get("/api/v1/auth/session");
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json()).containsKeys("id", "createdAt", "lastSeenAt", "expiresAt", "clientIp", "userAgent")
                .containsEntry("current", true).doesNotContainKeys("token", "tokenHash", "csrfHash");
        assertThat(session.body()).doesNotContain(cookieOf(api));
        assertThat(anonymous.get("/api/v1/auth/session").status()).isEqualTo(401);
        assertThat(anonymous.withSession("forged.signature", null).get("/api/v1/auth/session").status())
                .isEqualTo(401);
        String forged = cookieOf(api).substring(0, cookieOf(api).indexOf('.')) + ".AAAA";
        assertThat(anonymous.withSession(forged, null).get("/api/v1/auth/session").status()).isEqualTo(401);
    }

    @Test
    void revokedSessionEndsAtOnce() {
        Api other = anonymous.login(PASSWORD);
        String otherId = (String) other.get("/api/v1/auth/session").json().get("id");
        List<Map<String, Object>> sessions = api.get("/api/v1/sessions").list("sessions");
        assertThat(sessions).extracting(s -> s.get("id")).contains(otherId);
        assertThat(sessions).allSatisfy(s -> assertThat(s).doesNotContainKeys("token", "tokenHash"));

        assertThat(api.delete("/api/v1/sessions/" + otherId).status()).isEqualTo(204);
        assertThat(other.get("/api/v1/jails").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/sessions").list("sessions")).extracting(s -> s.get("id")).doesNotContain(otherId);
        assertThat(api.delete("/api/v1/sessions/" + otherId).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/sessions/not-an-id").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionServerSide() {
        Api session = anonymous.login(PASSWORD);
        Api.Response logout = session.post("/api/v1/auth/logout", null);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        // replaying the old cookie does not work: the session is gone on the server
        assertThat(session.get("/api/v1/jails").status()).isEqualTo(401);
        assertThat(session.post("/api/v1/auth/logout", null).status()).isEqualTo(401);
    }

    private static String cookieOf(Api client) {
        return client.cookie();
    }
}
