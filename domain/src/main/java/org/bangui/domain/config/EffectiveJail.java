package org.bangui.domain.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What fail2ban would run for a jail if it were enabled: the values {@code fail2ban-client -d} sends for it.
 *
 * @param backend the backend
 * @param filter the filter with its parameters, as the jail names it
 * @param logpath the log files, globs expanded, only those that exist (as fail2ban sends them)
 * @param maxretry failures that cause a ban
 * @param findtime the window, as written ({@code 10m})
 * @param bantime the ban time, as written ({@code 1h}, {@code -1})
 * @param actions the action names fail2ban adds
 * @param failregex the filter's failure regexes after interpolation ({@code <HOST>} tags still in)
 * @param ignoreregex the filter's ignore regexes after interpolation
 * @param ignoreip the jail's ignoreip entries
 * @param prefregex the filter's (or the jail's) prefix regex, which the failregexes are matched after; it may hold
 *                  the failure-id group the failregexes lack
 */
public record EffectiveJail(String backend, String filter, List<String> logpath, int maxretry, String findtime,
                            String bantime, List<String> actions, List<String> failregex,
                            List<String> ignoreregex, List<String> ignoreip, Optional<String> prefregex) {

    public EffectiveJail {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(findtime, "findtime");
        Objects.requireNonNull(bantime, "bantime");
        logpath = List.copyOf(logpath);
        actions = List.copyOf(actions);
        failregex = List.copyOf(failregex);
        ignoreregex = List.copyOf(ignoreregex);
        ignoreip = List.copyOf(ignoreip);
        Objects.requireNonNull(prefregex, "prefregex");
    }
}
