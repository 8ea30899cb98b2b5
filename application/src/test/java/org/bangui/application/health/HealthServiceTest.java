package org.bangui.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bangui.application.health.CheckHealthUseCase.Status;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private static ComponentProbePort probe(String name, boolean up) {
        return new ComponentProbePort() {
            @Override
            public String component() {
                return name;
            }

            @Override
            public ProbeResult probe() {
                return up ? ProbeResult.up("fine") : ProbeResult.down("broken");
            }
        };
    }

    @Test
    void everythingUpIsOkAndReady() {
        HealthService service = new HealthService(List.of(probe("fail2ban", true), probe("database", true)));
        assertThat(service.health().status()).isEqualTo(Status.OK);
        assertThat(service.readiness().status()).isEqualTo(Status.OK);
    }

    @Test
    void databaseDownDegradesHealthButFailsReadiness() {
        HealthService service = new HealthService(List.of(probe("fail2ban", true), probe("database", false)));
        assertThat(service.health().status()).isEqualTo(Status.DEGRADED);
        assertThat(service.readiness().status()).isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void fail2banDownMakesTheServiceUnavailable() {
        HealthService service = new HealthService(List.of(probe("fail2ban", false), probe("database", true)));
        assertThat(service.health().status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(service.health().components()).extracting(CheckHealthUseCase.Component::name)
                .containsExactly("fail2ban", "database");
    }
}
