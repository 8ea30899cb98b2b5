package org.bangui.application.job;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.application.session.SessionUseCase;

/**
 * {@code session_cleanup}: deletes expired sessions, each reported as {@code session_expired} and audited as
 * {@code session_expire} by {@code system:session_cleanup}; leader only.
 */
public final class SessionCleanupJob implements Job {

    private final SessionUseCase sessions;
    private final JobSchedule schedule;

    public SessionCleanupJob(SessionUseCase sessions, JobSchedule schedule) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "session_cleanup";
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public JobScope scope() {
        return JobScope.LEADER;
    }

    @Override
    public void run(JobContext context) {
        context.detail("expired=" + sessions.expireSessions(Actor.system(name())));
    }
}
