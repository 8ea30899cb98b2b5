package org.bangui.bootstrap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Histogram buckets for the latency timers: HTTP requests ({@code http_server_requests_seconds_bucket}), fail2ban
 * commands and job runs. Fixed service-level buckets instead of Micrometer's percentile histogram (about 70
 * buckets per series), so a series costs a dozen lines per route and status.
 */
@Singleton
class MetricsHistograms implements MeterFilter {

    /** Upper bounds of the request and command buckets (plus +Inf). */
    static final Duration[] LATENCY = durations(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);
    /** Upper bounds of the job run buckets (plus +Inf): jobs take from milliseconds to many minutes. */
    static final Duration[] JOBS = durations(10, 100, 1_000, 10_000, 60_000, 300_000, 1_800_000);

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER) {
            return config;
        }
        Duration[] buckets = switch (id.getName()) {
            case "http.server.requests", "bangui.fail2ban.command.duration" -> LATENCY;
            case "bangui.job.duration" -> JOBS;
            default -> null;
        };
        if (buckets == null) {
            return config;
        }
        double[] nanos = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            nanos[i] = buckets[i].toNanos();
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(nanos)
                .build().merge(config);
    }

    private static Duration[] durations(long... millis) {
        Duration[] out = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            out[i] = Duration.ofMillis(millis[i]);
        }
        return out;
    }
}
