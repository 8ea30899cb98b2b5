package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes, fail2ban going away and coming back, and stopping a jail: each test leaves fail2ban running. */
@MicronautTest(transactional = false)
class HealthAndRecoveryIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        // geo-IP switched off: its component is up ("disabled"), so the health is ok (GeoWithoutDatabaseIT: missing)
        return Map.of("bangui.geoip.db-path", "off");
    }

    @Test
    void healthyServiceReportsEveryComponentUp() {
        Api.Response health = anonymous.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "ok");
        assertThat(health.body()).as("public probes show no paths").doesNotContain(workDir.toString());
        assertThat(health.list("components")).extracting(c -> c.get("name"))
                .containsExactly("fail2ban", "database", "config_dir", "scheduler", "geoip");
        assertThat(api.get("/api/v1/health/ready").status()).isEqualTo(200);
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void losingFail2banMakesServiceUnavailableButAliveAndItRecoversWithoutRestart() {
        fail2ban.stop();
        try {
            Api.Response health = api.get("/api/v1/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json()).containsEntry("status", "unavailable");
            assertThat(api.get("/api/v1/health/live").status()).isEqualTo(200);
            assertThat(api.get("/health/liveness").status()).isEqualTo(200);

            Api.Response ready = anonymous.get("/api/v1/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("failed")).isEqualTo(List.of("fail2ban"));
            assertThat(ready.list("components")).first().satisfies(c -> assertThat(c)
                    .containsEntry("status", "down").containsEntry("detail", "socket not found"));
            assertThat(ready.body()).as("public probes show no paths").doesNotContain(workDir.toString());
            assertThat(api.get("/health/readiness").status()).isEqualTo(503);

            Api.Response jails = api.get("/api/v1/jails");
            assertThat(jails.status()).isEqualTo(503);
            assertThat(jails.contentType()).startsWith("application/problem+json");
            assertThat(jails.json()).containsEntry("code", "fail2ban_unavailable");

            Api.Response dashboard = api.get("/api/v1/dashboard/status");
            assertThat(dashboard.status()).isEqualTo(200);
            Map<String, Object> offline = new java.util.HashMap<>();
            offline.put("online", false);
            offline.put("version", null);
            offline.put("databaseFile", null);
            offline.put("purgeAgeSeconds", null);
            assertThat(dashboard.json().get("fail2ban")).isEqualTo(offline);
        } finally {
            fail2ban.restart();
        }
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);
        assertThat(((Map<?, ?>) api.get("/api/v1/dashboard/status").json().get("fail2ban")).get("online"))
                .isEqualTo(true);
    }

    @Test
    void aStoppedJailDisappearsAndAStartBringsItBackFromTheFiles() {
        try {
            assertThat(api.post("/api/v1/jails/nginx-http-auth/stop", "").status()).isEqualTo(204);
            assertThat(api.get("/api/v1/jails").list("jails")).extracting(j -> j.get("name"))
                    .doesNotContain("nginx-http-auth");
            assertThat(fail2ban.client("status")).doesNotContain("nginx-http-auth");
            // fail2ban forgets a stopped jail: a start reloads it from the files; an unknown one stays 404
            assertThat(api.post("/api/v1/jails/nginx-http-auth/start", "").status()).isEqualTo(204);
            assertThat(fail2ban.client("status")).contains("nginx-http-auth");
            assertThat(api.post("/api/v1/jails/no-such-jail/start", "").status()).isEqualTo(404);
        } finally {
            fail2ban.restart();
        }
        assertThat(api.get("/api/v1/jails/nginx-http-auth").status()).isEqualTo(200);
    }
}
