package org.bangui.application.job;

import java.util.Objects;

/** A job with a fixed name, schedule and scope: what every job but the lock heartbeat is. */
public abstract class ScheduledJob implements Job {

    private final String name;
    private final JobSchedule schedule;
    private final JobScope scope;

    /** @throws NullPointerException if a component is null */
    protected ScheduledJob(String name, JobSchedule schedule, JobScope scope) {
        this.name = Objects.requireNonNull(name, "name");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final JobSchedule schedule() {
        return schedule;
    }

    @Override
    public final JobScope scope() {
        return scope;
    }
}
