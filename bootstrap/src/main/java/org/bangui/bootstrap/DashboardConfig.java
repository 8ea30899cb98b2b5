package org.bangui.bootstrap;

import java.time.Duration;

/**
 * The {@code bangui.dashboard.*} settings, parsed.
 *
 * @param cacheTime how long a dashboard status is served again before fail2ban is asked anew; zero disables it
 */
record DashboardConfig(Duration cacheTime) {

    /**
     * Parses {@code bangui.dashboard.cache-time}: a duration such as {@code 1s}, or {@code 0s} for no cache.
     *
     * @throws IllegalArgumentException naming the setting if the value is malformed
     */
    static DashboardConfig from(String cacheTime) {
        return new DashboardConfig(cacheTime != null && "0s".equals(cacheTime.trim()) ? Duration.ZERO
                : SettingValues.duration("bangui.dashboard.cache-time", cacheTime));
    }
}
