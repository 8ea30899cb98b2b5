package org.bangui.application.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.domain.health.ComponentProbePort;

/**
 * Runs the probes. Health treats fail2ban as essential (down means unavailable) and other components as
 * degrading; readiness requires every component that is {@linkplain ComponentProbePort#requiredForReadiness()
 * required} for it.
 */
public final class HealthService implements CheckHealthUseCase {

    /** The component whose loss makes the whole service unavailable. */
    public static final String ESSENTIAL = "fail2ban";

    private final List<ComponentProbePort> probes;

    public HealthService(List<ComponentProbePort> probes) {
        this.probes = List.copyOf(Objects.requireNonNull(probes, "probes"));
    }

    @Override
    public HealthReport health() {
        List<Component> components = probeAll();
        Status status = Status.OK;
        for (Component component : components) {
            if (!component.result().up()) {
                if (ESSENTIAL.equals(component.name())) {
                    return new HealthReport(Status.UNAVAILABLE, components);
                }
                status = Status.DEGRADED;
            }
        }
        return new HealthReport(status, components);
    }

    @Override
    public HealthReport readiness() {
        List<Component> components = probeAll();
        boolean ready = true;
        for (int i = 0; i < components.size(); i++) {
            ready &= components.get(i).result().up() || !probes.get(i).requiredForReadiness();
        }
        return new HealthReport(ready ? Status.OK : Status.UNAVAILABLE, components);
    }

    private List<Component> probeAll() {
        List<Component> components = new ArrayList<>(probes.size());
        for (ComponentProbePort probe : probes) {
            components.add(new Component(probe.component(), probe.probe()));
        }
        return components;
    }
}
