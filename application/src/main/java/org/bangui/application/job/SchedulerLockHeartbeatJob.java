package org.bangui.application.job;

import java.util.Objects;

/**
 * {@code scheduler_lock_heartbeat}: renews the scheduler lock, or tries to take it. Every instance (it is how a
 * standby takes over), every heartbeat interval, first at start; its runs are recorded only when they fail.
 */
public final class SchedulerLockHeartbeatJob implements Job {

    private final SchedulerLeadership leadership;

    public SchedulerLockHeartbeatJob(SchedulerLeadership leadership) {
        this.leadership = Objects.requireNonNull(leadership, "leadership");
    }

    @Override
    public String name() {
        return "scheduler_lock_heartbeat";
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.every(leadership.heartbeatInterval(), true);
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
    public void run(JobContext context) {
        leadership.heartbeat();
        context.detail(leadership.role().code());
    }
}
