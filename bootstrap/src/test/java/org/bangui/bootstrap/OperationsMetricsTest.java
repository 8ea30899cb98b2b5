package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.blocklist.ImportStatus;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.job.JobOutcome;
import org.junit.jupiter.api.Test;

class OperationsMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    OperationsMetricsTest() {
        registry.config().meterFilter(new MetricsHistograms());
    }

    private final AtomicLong loggingFailures = new AtomicLong();
    private final AtomicLong loggingDropped = new AtomicLong();
    private final OperationsMetrics metrics = new OperationsMetrics(registry, loggingFailures::get,
            loggingDropped::get);

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void countersWithKnownTagsReadZeroBeforeTheFirstEvent() {
        assertThat(count("bangui.bans", "origin", "manual")).isZero();
        assertThat(count("bangui.unbans", "origin", "blocklist")).isZero();
        assertThat(count("bangui.rate.limit.refusals", "bucket", "login_failures")).isZero();
        assertThat(count("bangui.blocklist.imports", "outcome", "partial")).isZero();
        assertThat(registry.get("bangui.external.logging.init.failures").functionCounter().count()).isZero();
    }

    @Test
    void eachEventCountsOnItsOwnSeries() {
        metrics.banned(BanOrigin.MANUAL, 1);
        metrics.banned(BanOrigin.BLOCKLIST, 250);
        metrics.unbanned(BanOrigin.BLOCKLIST, 3);
        metrics.refused(LimitedAction.BAN);
        metrics.refused(LimitedAction.BAN);
        metrics.finished(ImportStatus.PARTIAL, 10, 2);
        loggingFailures.set(1);
        loggingDropped.set(7);
        assertThat(count("bangui.bans", "origin", "manual")).isEqualTo(1);
        assertThat(count("bangui.bans", "origin", "blocklist")).isEqualTo(250);
        assertThat(count("bangui.bans", "origin", "fail2ban")).isZero();
        assertThat(count("bangui.unbans", "origin", "blocklist")).isEqualTo(3);
        assertThat(count("bangui.unbans", "origin", "manual")).isZero();
        assertThat(count("bangui.rate.limit.refusals", "bucket", "ban")).isEqualTo(2);
        assertThat(count("bangui.rate.limit.refusals", "bucket", "unban")).isZero();
        assertThat(count("bangui.blocklist.imports", "outcome", "partial")).isEqualTo(1);
        assertThat(count("bangui.blocklist.imports", "outcome", "succeeded")).isZero();
        assertThat(registry.get("bangui.external.logging.init.failures").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("bangui.external.logging.dropped.events").functionCounter().count()).isEqualTo(7);
    }

    @Test
    void commandsAreTimedPerVerbAndTheirFailuresCountedPerKind() {
        metrics.completed("set.banip", Duration.ofMillis(3), Optional.empty());
        metrics.completed("set.banip", Duration.ofMillis(30), Optional.of("unavailable"));
        metrics.completed("status", Duration.ofMillis(700), Optional.of("error_reply"));
        Timer banip = registry.get("bangui.fail2ban.command.duration").tags("command", "set.banip").timer();
        assertThat(banip.count()).isEqualTo(2);
        assertThat(count("bangui.fail2ban.command.errors", "command", "set.banip", "error", "unavailable"))
                .isEqualTo(1);
        assertThat(count("bangui.fail2ban.command.errors", "command", "status", "error", "error_reply")).isEqualTo(1);
        assertThat(registry.find("bangui.fail2ban.command.errors").tags("error", "protocol").counter()).isNull();
        CountAtBucket[] buckets = banip.takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(MetricsHistograms.LATENCY.length);
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket() == 5e6).findFirst().orElseThrow().count())
                .isEqualTo(1);
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket() == 50e6).findFirst().orElseThrow().count())
                .isEqualTo(2);
    }

    @Test
    void jobRunsAreTimedPerJobAndOutcomeWithTheJobBuckets() {
        metrics.finished("history_sync", JobOutcome.SUCCEEDED, Duration.ofSeconds(2));
        metrics.finished("history_sync", JobOutcome.FAILED, Duration.ofMillis(20));
        metrics.finished("history_sync", JobOutcome.SUCCEEDED, Duration.ofMinutes(3));
        Timer succeeded = registry.get("bangui.job.duration").tags("job", "history_sync", "outcome", "succeeded")
                .timer();
        assertThat(succeeded.count()).isEqualTo(2);
        assertThat(succeeded.takeSnapshot().histogramCounts()).hasSize(MetricsHistograms.JOBS.length);
        assertThat(registry.get("bangui.job.duration").tags("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
