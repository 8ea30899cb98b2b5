package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bangui.adapters.geoip.testing.TestDatabase;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Geo-IP through the API with the real ip-location-db country file: {@code /geo/{ip}}, the country of active
 * bans in a real sandbox fail2ban, the ban map, the {@code geoip} health component and the cache flush job.
 */
@MicronautTest(transactional = false)
class GeoApiIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.geoip.db-path", TestDatabase.countryFile().toAbsolutePath().toString());
    }

    @Test
    void oneAddressResolvesToItsCountryAndReservedOnesToNull() {
        Api.Response google = api.get("/api/v1/geo/8.8.8.8");
        assertThat(google.status()).isEqualTo(200);
        assertThat(google.json()).containsEntry("ip", "8.8.8.8").containsEntry("country", "US")
                .containsEntry("asn", null).containsEntry("asOrganization", null);
        assertThat(api.get("/api/v1/geo/2001:4860:4860::8888").json()).containsEntry("country", "US")
                .containsEntry("ip", "2001:4860:4860::8888");
        assertThat(api.get("/api/v1/geo/1.1.1.1").json()).containsEntry("country", "AU");
        for (String reserved : List.of("192.0.2.1", "10.0.0.1", "2001:db8::1", "fe80::1", "127.0.0.1")) {
            Api.Response response = api.get("/api/v1/geo/" + reserved);
            assertThat(response.status()).as(reserved).isEqualTo(200);
            assertThat(response.json()).as(reserved).containsEntry("country", null);
        }
    }

    @Test
    void anythingButAnAddressIsA400Problem() {
        for (String bad : List.of("not-an-ip", "8.8.8", "8.8.8.8.8", "08.8.8.8", "8.8.8.0%2F24", "example.com",
                "fe80::1%25eth0", "x".repeat(100))) {
            Api.Response response = api.get("/api/v1/geo/" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json()).as(bad).containsEntry("code", "invalid_ip");
            assertThat(ProblemChecks.problems(response)).as(response.toString()).isEmpty();
        }
    }

    @Test
    void geoRoutesNeedASession() {
        assertThat(anonymous.get("/api/v1/geo/8.8.8.8").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/dashboard/map").status()).isEqualTo(401);
    }

    @Test
    void activeBansCarryTheirCountryAndTheMapCountsThem() {
        List<String> banned = List.of("8.8.8.8", "8.8.4.4", "1.1.1.1", "203.0.113.7");
        for (String ip : banned) {
            assertThat(api.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"" + ip + "\"}").status()).as(ip)
                    .isEqualTo(201);
        }
        try {
            Map<String, Object> countries = new java.util.HashMap<>();
            api.get("/api/v1/bans").list("bans").forEach(b -> countries.put((String) b.get("ip"), b.get("country")));
            assertThat(countries).containsEntry("8.8.8.8", "US").containsEntry("8.8.4.4", "US")
                    .containsEntry("1.1.1.1", "AU").containsEntry("203.0.113.7", null);
            assertThat(api.get("/api/v1/bans/search?ip=1.1.1.1").list("bans"))
                    .singleElement().satisfies(b -> assertThat(b).containsEntry("country", "AU"));

            Api.Response map = api.get("/api/v1/dashboard/map");
            assertThat(map.status()).isEqualTo(200);
            assertThat(map.list("countries")).containsExactly(Map.of("country", "US", "bans", 2),
                    Map.of("country", "AU", "bans", 1));
            assertThat(map.json()).containsEntry("unknown", 1);
        } finally {
            banned.forEach(ip -> api.delete("/api/v1/bans/sshd/" + ip));
        }
    }

    @Test
    void healthShowsTheLoadedDatabaseWithoutItsPath() {
        Api.Response health = api.get("/api/v1/health");
        Map<String, Object> geoip = health.list("components").stream().filter(c -> "geoip".equals(c.get("name")))
                .findFirst().orElseThrow();
        assertThat(geoip).containsEntry("status", "up");
        assertThat((String) geoip.get("detail")).startsWith("loaded country ipvAll built ")
                .doesNotContain("/");
    }

    @Test
    void theFlushJobWritesLookupsIntoTheCacheTable() throws Exception {
        assertThat(api.get("/api/v1/geo/9.9.9.9").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/jobs/geo_cache_flush/run", null).status()).isEqualTo(202);
        Eventually.await("the flushed row", Duration.ofSeconds(10), () -> storedCountry("9.9.9.9") != null);
        assertThat(storedCountry("9.9.9.9")).isEqualTo(api.get("/api/v1/geo/9.9.9.9").json().get("country"));
    }

    private String storedCountry(String ip) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             PreparedStatement statement = connection.prepareStatement("SELECT country FROM geo_cache WHERE ip = ?")) {
            statement.setString(1, ip);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
