package org.bangui.bootstrap;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bangui.application.health.CheckHealthUseCase;
import org.bangui.application.health.CheckHealthUseCase.HealthReport;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Brings BanGUI's readiness checks (fail2ban, database, config dir) into Micronaut management's
 * {@code /health} and {@code /health/readiness}; {@code /health/liveness} stays independent of them.
 */
@Singleton
@Readiness
class ReadinessIndicator implements HealthIndicator {

    private final CheckHealthUseCase health;

    ReadinessIndicator(CheckHealthUseCase health) {
        this.health = health;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            HealthReport report = health.readiness();
            Map<String, String> details = new LinkedHashMap<>();
            report.components().forEach(c -> details.put(c.name(), (c.result().up() ? "up: " : "down: ")
                    + c.result().detail()));
            HealthStatus status = report.status() == CheckHealthUseCase.Status.OK ? HealthStatus.UP
                    : HealthStatus.DOWN;
            return HealthResult.builder("bangui", status).details(details).build();
        });
    }
}
