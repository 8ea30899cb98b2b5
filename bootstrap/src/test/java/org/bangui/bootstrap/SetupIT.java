package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** First-run setup on a fresh instance: the gate before it, the token, the password rule, exactly once. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupIT extends SandboxedServiceTest {

    @Override
    protected boolean completeSetup() {
        return false;
    }

    @Test
    @Order(1)
    void beforeSetupEverythingButProbesAndSetupSaysSetupIsRequired() {
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", false);
        for (String path : List.of("/api/v1/jails", "/api/v1/dashboard/status", "/api/v1/bans", "/api/v1/audit",
                "/api/v1/sessions", "/api/v1/auth/session")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(409);
            assertThat(response.json()).as(path).containsEntry("code", "setup_required");
        }
        Api.Response login = anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.json()).containsEntry("code", "setup_required");
        assertThat(anonymous.get("/api/v1/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void setupWithoutTheRightTokenIsRefused() {
        Api.Response missing = anonymous.post("/api/v1/setup", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        Api.Response empty = anonymous.post("/api/v1/setup",
                "{\"setupToken\":\"\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(empty.status()).isEqualTo(403);
        Api.Response wrong = anonymous.post("/api/v1/setup",
                "{\"setupToken\":\"" + SETUP_TOKEN + "x\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json()).containsEntry("code", "invalid_setup_token");
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", false);
    }

    @Test
    @Order(3)
    void weakPasswordAndBadSettingsAreRefusedAndLeaveSetupPending() {
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN
                + "\",\"password\":\"short pass!\"}").json()).containsEntry("code", "weak_password");
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\""
                + PASSWORD + "\",\"fail2banSocket\":\"relative/fail2ban.sock\"}").json())
                .containsEntry("code", "invalid_path");
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\""
                + PASSWORD + "\",\"fail2banConfigDir\":\"/etc/../etc/fail2ban\"}").json())
                .containsEntry("code", "invalid_path");
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\""
                + PASSWORD + "\",\"sessionLifetimeSeconds\":5}").json())
                .containsEntry("code", "invalid_session_lifetime");
        assertThat(anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\""
                + PASSWORD + "\",\"sessionLifetimeSeconds\":\"3600\"}").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", false);
    }

    @Test
    @Order(4)
    void setupRunsOnceAndAppliesItsSettings() {
        Api.Response created = anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN
                + "\",\"password\":\"" + PASSWORD + "\",\"fail2banSocket\":\"" + fail2ban.socket()
                + "\",\"fail2banConfigDir\":\"" + fail2ban.configDir() + "\",\"sessionLifetimeSeconds\":3600}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", true);

        Api.Response again = anonymous.post("/api/v1/setup", "{\"setupToken\":\"" + SETUP_TOKEN
                + "\",\"password\":\"another long password\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("code", "setup_complete");

        Api.Response login = anonymous.post("/api/v1/auth/login", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        java.time.Instant absolute = java.time.Instant.parse((String) login.json().get("absoluteExpiresAt"));
        assertThat(absolute).isBetween(java.time.Instant.now().plusSeconds(3500),
                java.time.Instant.now().plusSeconds(3700));
        Api session = anonymous.login(PASSWORD);
        assertThat(session.get("/api/v1/jails").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/auth/login", "{\"password\":\"another long password\"}").status())
                .isEqualTo(401);
    }
}
