package org.bangui.application.job;

import java.util.Objects;
import org.bangui.application.health.CachedProbe;
import org.bangui.domain.health.ProbeResult;

/** {@code health_check}: refreshes the cached fail2ban status that {@code /api/v1/health} reads; every instance. */
public final class HealthCheckJob extends ScheduledJob {

    private final CachedProbe fail2ban;

    public HealthCheckJob(CachedProbe fail2ban, JobSchedule schedule) {
        super("health_check", schedule, JobScope.EVERY_INSTANCE);
        this.fail2ban = Objects.requireNonNull(fail2ban, "fail2ban");
    }

    @Override
    public RunRecording recording() {
        return RunRecording.UNSUCCESSFUL;
    }

    @Override
    public void run(JobContext context) throws InterruptedException {
        ProbeResult result = fail2ban.refresh();
        if (Thread.interrupted()) {
            throw new InterruptedException("health check interrupted");
        }
        context.detail(fail2ban.component() + (result.up() ? " up" : " down: " + result.detail()));
    }
}
