package org.bangui.domain.health;

/** Checks one dependency. Implementations must be quick and must not throw. */
public interface ComponentProbePort {

    /** A stable lower-case component name, such as {@code fail2ban} or {@code database}. */
    String component();

    /** Probes the component now; never throws, never null. */
    ProbeResult probe();

    /**
     * Whether readiness requires this component to be up; an optional component (geo-IP) only degrades
     * health when it is down.
     */
    default boolean requiredForReadiness() {
        return true;
    }
}
