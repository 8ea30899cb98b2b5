package org.bangui.bootstrap.logging;

import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/**
 * The {@code external_logging} health component, present only when external logging is on: down (degraded)
 * when the receiver could not be reached at start, with the count of lines lost. Readiness needs it only when
 * {@code BANGUI_EXTERNAL_LOGGING_REQUIRED} is true. It names no host.
 */
public final class ExternalLoggingProbe implements ComponentProbePort {

    private final ExternalLogging logging;

    public ExternalLoggingProbe(ExternalLogging logging) {
        this.logging = logging;
    }

    @Override
    public String component() {
        return "external_logging";
    }

    @Override
    public boolean requiredForReadiness() {
        return logging.settings().required();
    }

    @Override
    public ProbeResult probe() {
        String lost = "; " + logging.droppedEvents() + " lines lost";
        return logging.unreachableAtStart()
                .map(reason -> ProbeResult.down("degraded: " + logging.settings().describe()
                        + " could not be reached at start (" + reason + "); lines are sent once it answers" + lost))
                .orElseGet(() -> ProbeResult.up(logging.settings().describe() + lost));
    }
}
