package org.bangui.application.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bangui.domain.session.SessionId;

/**
 * Who makes a change: a person (through a session, or anonymous before login) or BanGUI itself running a job.
 *
 * @param sessionId the session, empty for unauthenticated requests and for jobs
 * @param clientIp the client address as resolved from the connection and trusted proxies; empty for jobs
 * @param principal {@code admin} for a session, {@code anonymous} without one, {@code system:<job>} for a job
 */
public record Actor(Optional<SessionId> sessionId, String clientIp, String principal) {

    private static final Pattern JOB = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** @throws NullPointerException if a component is null */
    public Actor {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(principal, "principal");
    }

    /** A person: {@code admin} with a session, {@code anonymous} without. */
    public Actor(Optional<SessionId> sessionId, String clientIp) {
        this(sessionId, clientIp, sessionId.isPresent() ? "admin" : "anonymous");
    }

    /** An unauthenticated client. */
    public static Actor anonymous(String clientIp) {
        return new Actor(Optional.empty(), clientIp);
    }

    /**
     * BanGUI itself, running the job {@code job}.
     *
     * @throws IllegalArgumentException if {@code job} is not a lower-case job name
     */
    public static Actor system(String job) {
        if (!JOB.matcher(job).matches()) {
            throw new IllegalArgumentException("not a job name: " + job);
        }
        return new Actor(Optional.empty(), "", "system:" + job);
    }

    /** Whether this is BanGUI running a job rather than a person. */
    public boolean isSystem() {
        return principal.startsWith("system:");
    }
}
