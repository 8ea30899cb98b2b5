package org.bangui.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.application.ManualClock;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;
import org.junit.jupiter.api.Test;

class CachedProbeTest {

    /** A fail2ban probe that answers at once, or hangs until released. */
    private static final class Fail2ban implements ComponentProbePort {
        volatile boolean hang;
        volatile ProbeResult answer = ProbeResult.up("answers");
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String component() {
            return "fail2ban";
        }

        @Override
        public ProbeResult probe() {
            if (hang) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answer;
        }
    }

    @Test
    void answersLiveWhileNothingHangsSoAStoppedFail2banShowsAtOnce() {
        Fail2ban fail2ban = new Fail2ban();
        CachedProbe probe = new CachedProbe(fail2ban, new ManualClock(Instant.EPOCH), Duration.ofSeconds(30));
        assertThat(probe.refresh().up()).isTrue();
        fail2ban.answer = ProbeResult.down("unreachable");
        assertThat(probe.probe()).isEqualTo(ProbeResult.down("unreachable"));
    }

    @Test
    void whileARefreshHangsAnswersFromTheFreshCacheThenDownOnceItIsStale() throws Exception {
        Fail2ban fail2ban = new Fail2ban();
        ManualClock clock = new ManualClock(Instant.EPOCH);
        CachedProbe probe = new CachedProbe(fail2ban, clock, Duration.ofSeconds(30));
        probe.refresh();
        fail2ban.hang = true;
        ExecutorService job = Executors.newSingleThreadExecutor();
        try {
            Future<ProbeResult> stuck = job.submit(probe::refresh);
            fail2ban.entered.await();
            assertThat(probe.probe()).isEqualTo(ProbeResult.up("answers"));
            clock.now = clock.now.plusSeconds(31);
            assertThat(probe.probe()).isEqualTo(ProbeResult.down("no answer in time"));
            fail2ban.release.countDown();
            assertThat(stuck.get().up()).isTrue();
        } finally {
            job.shutdownNow();
        }
    }
}
