package org.bangui.bootstrap;

import java.time.Duration;
import org.bangui.application.job.JobSchedule;

/**
 * The scheduler, job and shutdown settings as typed values, parsed once at start-up (SettingsFactory); a
 * malformed value stops the service with the setting's name.
 *
 * @param schedulerEnabled {@code BANGUI_SCHEDULER_ENABLED}: false makes an API-only instance
 * @param heartbeat {@code BANGUI_SCHEDULER_HEARTBEAT}: how often the lock is renewed or tried
 * @param lockTtl {@code BANGUI_SCHEDULER_LOCK_TTL}: a lock without heartbeat this long is taken over; at least
 *                three heartbeats
 * @param shutdownTimeout {@code BANGUI_SHUTDOWN_TIMEOUT}: how long a SIGTERM waits for requests and jobs
 * @param healthCheckInterval {@code BANGUI_JOBS_HEALTH_CHECK_INTERVAL}: how often {@code health_check} runs
 * @param maintenance {@code BANGUI_MAINTENANCE_INTERVAL}: the schedule of the clean-up jobs
 */
record JobsConfig(boolean schedulerEnabled, Duration heartbeat, Duration lockTtl, Duration shutdownTimeout,
                  Duration healthCheckInterval, JobSchedule maintenance) {

    /** @throws IllegalArgumentException naming the setting whose value is malformed */
    static JobsConfig from(SchedulerSettings scheduler, ShutdownSettings shutdown, String healthCheckInterval,
                           String maintenance) {
        Duration beat = SettingValues.duration("bangui.scheduler.heartbeat", scheduler.heartbeat());
        Duration ttl = SettingValues.duration("bangui.scheduler.lock-ttl", scheduler.lockTtl());
        if (ttl.compareTo(beat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("bangui.scheduler.lock-ttl: " + scheduler.lockTtl() + " is shorter "
                    + "than three heartbeats (bangui.scheduler.heartbeat " + scheduler.heartbeat() + "); a standby "
                    + "would take over from a leader that missed a single heartbeat");
        }
        return new JobsConfig(SettingValues.bool("bangui.scheduler.enabled", scheduler.enabled()), beat, ttl,
                SettingValues.duration("bangui.shutdown.timeout", shutdown.timeout()),
                SettingValues.duration("bangui.jobs.health-check-interval", healthCheckInterval),
                JobSchedules.parse("bangui.maintenance-interval", maintenance));
    }
}
