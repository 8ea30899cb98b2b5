package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.bangui.adapters.geoip.testing.TestDatabase;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Without a geo-IP file nothing fails: lookups answer null, the {@code geoip} component says why (health
 * degraded, readiness unaffected); a file that appears later is picked up without a restart.
 */
@MicronautTest(transactional = false)
class GeoWithoutDatabaseIT extends SandboxedServiceTest {

    private Path geoFile() {
        return workDir.resolve("data/geoip/country.mmdb");
    }

    @Override
    protected Map<String, String> extraProperties() {
        // the default path: <data dir>/geoip/country.mmdb, checked every second here
        return Map.of("bangui.geoip.check-interval", "1s");
    }

    @Test
    void missingFileAnswersNullAndAFileThatAppearsIsPickedUpWithoutRestart() throws Exception {
        Api.Response lookup = api.get("/api/v1/geo/8.8.8.8");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json()).containsEntry("country", null);

        Api.Response health = api.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "degraded");
        Map<String, Object> geoip = health.list("components").stream()
                .filter(c -> "geoip".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(geoip).containsEntry("status", "down");
        assertThat((String) geoip.get("detail")).contains("missing").doesNotContain(workDir.toString())
                .doesNotContain("country.mmdb");
        assertThat(api.get("/api/v1/health/ready").status()).as("geo-IP is optional").isEqualTo(200);
        assertThat(api.get("/api/v1/dashboard/map").json()).containsEntry("countries", java.util.List.of());

        Files.createDirectories(geoFile().getParent());
        Path staged = geoFile().resolveSibling("staged.mmdb");
        Files.copy(TestDatabase.countryFile(), staged);
        Files.move(staged, geoFile(), StandardCopyOption.ATOMIC_MOVE);
        Eventually.await("the new file answers", Duration.ofSeconds(20),
                () -> "US".equals(api.get("/api/v1/geo/8.8.8.8").json().get("country")));
        assertThat(api.get("/api/v1/health").json()).containsEntry("status", "ok");
    }
}
