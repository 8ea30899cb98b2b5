package org.bangui.application.job;

import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.application.session.SessionUseCase;

/**
 * {@code session_cleanup}: deletes expired sessions, each reported as {@code session_expired} and audited as
 * {@code session_expire} by {@code system:session_cleanup}; leader only.
 */
public final class SessionCleanupJob extends ScheduledJob {

    private final SessionUseCase sessions;

    public SessionCleanupJob(SessionUseCase sessions, JobSchedule schedule) {
        super("session_cleanup", schedule, JobScope.LEADER);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void run(JobContext context) {
        context.detail("expired=" + sessions.expireSessions(Actor.system(name())));
    }
}
