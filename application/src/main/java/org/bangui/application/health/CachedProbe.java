package org.bangui.application.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/**
 * A probe whose result the {@code health_check} job refreshes, so that {@code /api/v1/health} answers at once
 * instead of waiting for fail2ban. A result older than {@code maxAge} (a few job intervals: the job is stuck or
 * not running) is not trusted: the probe then runs live and its result is cached.
 */
public final class CachedProbe implements ComponentProbePort {

    private final ComponentProbePort live;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Cached cached;

    private record Cached(ProbeResult result, Instant at) {
    }

    public CachedProbe(ComponentProbePort live, Clock clock, Duration maxAge) {
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Probes now and caches the result; what the job calls. */
    public ProbeResult refresh() {
        ProbeResult result = live.probe();
        cached = new Cached(result, clock.instant());
        return result;
    }

    @Override
    public String component() {
        return live.component();
    }

    /** The cached result if fresh, else a live probe. */
    @Override
    public ProbeResult probe() {
        Cached current = cached;
        if (current != null && !clock.instant().isAfter(current.at().plus(maxAge))) {
            return current.result();
        }
        return refresh();
    }
}
