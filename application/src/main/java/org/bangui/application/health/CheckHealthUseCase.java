package org.bangui.application.health;

import java.util.List;
import org.bangui.domain.health.ProbeResult;

/** Reports on the components BanGUI depends on. */
public interface CheckHealthUseCase {

    /** Overall health: never throws. */
    HealthReport health();

    /** Readiness to serve: ready only when every component is up. Never throws. */
    HealthReport readiness();

    /** Overall state. */
    enum Status {
        /** Every component is up. */
        OK,
        /** fail2ban answers but another component is down. */
        DEGRADED,
        /** fail2ban cannot be reached, or (for readiness) any component is down. */
        UNAVAILABLE
    }

    /** One component's probe result. */
    record Component(String name, ProbeResult result) {
    }

    /** The overall state and each component, in probe order. */
    record HealthReport(Status status, List<Component> components) {

        public HealthReport {
            components = List.copyOf(components);
        }
    }
}
