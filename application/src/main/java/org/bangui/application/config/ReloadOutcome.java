package org.bangui.application.config;

import java.util.List;

/**
 * A successful reload.
 *
 * @param jails the jails fail2ban runs afterwards
 * @param milliseconds how long the test and the reload took
 */
public record ReloadOutcome(List<String> jails, long milliseconds) {

    public ReloadOutcome {
        jails = List.copyOf(jails);
    }
}
