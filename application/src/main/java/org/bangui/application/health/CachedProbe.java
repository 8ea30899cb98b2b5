package org.bangui.application.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/**
 * A probe whose result the {@code health_check} job keeps fresh, so that {@code /api/v1/health} never waits for a
 * hung fail2ban. While no probe is in flight, a request probes live (a healthy or absent fail2ban answers at
 * once, so the answer is current). While one is in flight (fail2ban is slow), the request gets the cached result
 * if it is at most {@code maxAge} old (a few job intervals), else {@code down: no answer in time}.
 */
public final class CachedProbe implements ComponentProbePort {

    private final ComponentProbePort live;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Cached cached;
    private final AtomicInteger inFlight = new AtomicInteger();

    private record Cached(ProbeResult result, Instant at) {
    }

    public CachedProbe(ComponentProbePort live, Clock clock, Duration maxAge) {
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Probes now and caches the result; what the job calls. */
    public ProbeResult refresh() {
        inFlight.incrementAndGet();
        try {
            ProbeResult result = live.probe();
            cached = new Cached(result, clock.instant());
            return result;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public String component() {
        return live.component();
    }

    /** A live probe, or while another is in flight the fresh cached result (else down). Never blocks on a hang. */
    @Override
    public ProbeResult probe() {
        if (inFlight.get() == 0) {
            return refresh();
        }
        Cached current = cached;
        if (current != null && !clock.instant().isAfter(current.at().plus(maxAge))) {
            return current.result();
        }
        return ProbeResult.down("no answer in time");
    }
}
