package org.bangui.bootstrap;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.bangui.application.session.SessionUseCase;
import org.bangui.domain.ratelimit.RateLimitPort;

/** Periodic clean-up: expired sessions (each reported as {@code session_expired}) and idle rate-limit counters. */
@Singleton
class MaintenanceJobs {

    private static final System.Logger LOG = System.getLogger(MaintenanceJobs.class.getName());

    private final SessionUseCase sessions;
    private final RateLimitPort rateLimits;

    MaintenanceJobs(SessionUseCase sessions, RateLimitPort rateLimits) {
        this.sessions = sessions;
        this.rateLimits = rateLimits;
    }

    @Scheduled(fixedDelay = "${bangui.maintenance-interval:1m}", initialDelay = "${bangui.maintenance-interval:1m}")
    void expireSessions() {
        try {
            sessions.expireSessions();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "session clean-up failed; it will be retried", e);
        }
    }

    @Scheduled(fixedDelay = "${bangui.maintenance-interval:1m}", initialDelay = "${bangui.maintenance-interval:1m}")
    void evictRateLimitCounters() {
        rateLimits.evictIdle();
    }
}
