package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bangui.adapters.fail2ban.Fail2banServerAdapter;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.health.CachedProbe;
import org.bangui.application.job.HealthCheckJob;
import org.bangui.application.job.Job;
import org.bangui.application.job.JobObserver;
import org.bangui.application.job.JobRunner;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.RateLimiterCleanupJob;
import org.bangui.application.job.SchedulerLeadership;
import org.bangui.application.job.SchedulerLockHeartbeatJob;
import org.bangui.application.job.SessionCleanupJob;
import org.bangui.application.session.SessionUseCase;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.scheduler.LockOwner;
import org.bangui.domain.scheduler.SchedulerLockPort;

/**
 * Wires the job runner, the scheduler lock's leadership and the jobs of this release. The lock store is whatever
 * {@link SchedulerLockPort} bean exists: SQLite or Redis, chosen by {@code bangui.lock-backend} (StoresFactory).
 * The runner owns the core jobs built here and every {@link Job} bean that a feature's factory declares.
 */
@Factory
class JobsFactory {

    @Singleton
    LockOwner lockOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return LockOwner.of(host, ProcessHandle.current().pid(), HexFormat.of().formatHex(random));
    }

    @Singleton
    @Order(4) // after fail2ban, database and config_dir in the health report
    SchedulerLeadership leadership(SchedulerLockPort lock, JobRunPort runs, LockOwner owner,
                                   JobsConfig settings, Clock clock) {
        return new SchedulerLeadership(lock, runs, owner, settings.schedulerEnabled(), settings.lockTtl(),
                settings.heartbeat(), clock);
    }

    /** The fail2ban status that {@code health_check} refreshes; trusted for three job intervals. */
    @Singleton
    @Named("fail2banStatus")
    @Order(1) // first in the health report
    @Bean(typed = {ComponentProbePort.class, CachedProbe.class})
    CachedProbe fail2banStatus(Fail2banServerAdapter fail2ban, Clock clock, JobsConfig settings) {
        return new CachedProbe(fail2ban, clock, settings.healthCheckInterval().multipliedBy(3));
    }

    @Singleton
    JobRunner jobRunner(SchedulerLeadership leadership, JobRunPort runs, RecordAuditUseCase audit, Clock clock,
                        SessionUseCase sessions, RateLimitPort rateLimits,
                        @Named("fail2banStatus") CachedProbe fail2banStatus, JobsConfig settings,
                        List<Job> featureJobs, JobObserver observer) {
        List<Job> jobs = new ArrayList<>(List.of(
                new SchedulerLockHeartbeatJob(leadership),
                new HealthCheckJob(fail2banStatus, JobSchedule.every(settings.healthCheckInterval(), true)),
                new SessionCleanupJob(sessions, settings.maintenance()),
                new RateLimiterCleanupJob(rateLimits, settings.maintenance())));
        jobs.addAll(featureJobs);
        return new JobRunner(jobs, runs, leadership, audit, clock, observer);
    }
}
