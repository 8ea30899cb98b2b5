package org.bangui.domain.jail;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The effective runtime settings of a jail.
 *
 * @param banTime how long a ban lasts, possibly permanent
 * @param findTime the window in which {@code maxRetry} failures cause a ban
 * @param maxRetry failures that cause a ban
 * @param logPaths the log files the jail watches
 * @param ignoreIp entries of the jail's {@code ignoreip}: addresses, networks, possibly hostnames, verbatim
 * @param actions names of the jail's actions
 * @param failRegex the filter's failure regular expressions, as fail2ban compiled them
 */
public record JailConfiguration(BanDuration banTime, Duration findTime, int maxRetry, List<String> logPaths,
                                List<String> ignoreIp, List<String> actions, List<String> failRegex) {

    /** @throws NullPointerException if any component is null */
    public JailConfiguration {
        Objects.requireNonNull(banTime, "banTime");
        Objects.requireNonNull(findTime, "findTime");
        logPaths = List.copyOf(logPaths);
        ignoreIp = List.copyOf(ignoreIp);
        actions = List.copyOf(actions);
        failRegex = List.copyOf(failRegex);
    }
}
