package org.bangui.application.job;

import java.util.Objects;
import org.bangui.application.health.CachedProbe;
import org.bangui.domain.health.ProbeResult;

/** {@code health_check}: refreshes the cached fail2ban status that {@code /api/v1/health} reads; every instance. */
public final class HealthCheckJob implements Job {

    private final CachedProbe fail2ban;
    private final JobSchedule schedule;

    public HealthCheckJob(CachedProbe fail2ban, JobSchedule schedule) {
        this.fail2ban = Objects.requireNonNull(fail2ban, "fail2ban");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "health_check";
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public JobScope scope() {
        return JobScope.EVERY_INSTANCE;
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
