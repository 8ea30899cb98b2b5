package org.bangui.application.dashboard;

/** Reads the dashboard summary. */
public interface GetDashboardStatusUseCase {

    /**
     * The current summary; never throws for an unreachable fail2ban (it reports {@code online = false}).
     * The result may be up to the configured cache time old.
     */
    DashboardStatus status();
}
