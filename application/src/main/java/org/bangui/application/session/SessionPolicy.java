package org.bangui.application.session;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.bangui.domain.ratelimit.RateLimit;

/**
 * Session timing and the login throttle. The absolute lifetime can be changed at run time (first-run setup
 * may choose it).
 */
public final class SessionPolicy {

    private final Duration idleTimeout;
    private final AtomicReference<Duration> lifetime;
    private final RateLimit loginFailures;
    private final Duration cacheTime;

    /**
     * @param idleTimeout a session unused this long ends (sliding)
     * @param lifetime a session ends this long after login, used or not
     * @param loginFailures failed logins allowed per client address in a window
     * @param cacheTime how long a validated session is trusted without reading the store again; zero disables
     */
    public SessionPolicy(Duration idleTimeout, Duration lifetime, RateLimit loginFailures, Duration cacheTime) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.lifetime = new AtomicReference<>(Objects.requireNonNull(lifetime, "lifetime"));
        this.loginFailures = Objects.requireNonNull(loginFailures, "loginFailures");
        this.cacheTime = Objects.requireNonNull(cacheTime, "cacheTime");
    }

    public Duration cacheTime() {
        return cacheTime;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration lifetime() {
        return lifetime.get();
    }

    public void lifetime(Duration newLifetime) {
        lifetime.set(Objects.requireNonNull(newLifetime, "newLifetime"));
    }

    public RateLimit loginFailures() {
        return loginFailures;
    }
}
