package org.bangui.bootstrap;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The {@code bangui.fail2ban.*} settings, parsed: what the fail2ban adapters and the ban use cases are built
 * from. See {@link Fail2banSettings} for each setting's meaning.
 */
record Fail2banConfig(Path socket, Path configDir, String client, Duration connectTimeout, Duration timeout,
                      int connections, int banBatchSize, ZoneId zone, Duration outcomeWait,
                      Duration clientTimeout, Duration filterTestTimeout) {

    /**
     * Parses the raw settings strictly.
     *
     * @throws IllegalArgumentException naming the setting whose value is malformed
     */
    static Fail2banConfig from(Fail2banSettings raw) {
        return new Fail2banConfig(Path.of(raw.socket()), Path.of(raw.configDir()), raw.client(),
                SettingValues.duration("bangui.fail2ban.connect-timeout", raw.connectTimeout()),
                SettingValues.duration("bangui.fail2ban.timeout", raw.timeout()),
                raw.connections(), raw.banBatchSize(), zone(raw.timeZone()),
                SettingValues.duration("bangui.fail2ban.outcome-wait", raw.outcomeWait()),
                SettingValues.duration("bangui.fail2ban.client-timeout", raw.clientTimeout()),
                SettingValues.duration("bangui.fail2ban.filter-test-timeout", raw.filterTestTimeout()));
    }

    private static ZoneId zone(String timeZone) {
        if ("system".equals(timeZone)) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bangui.fail2ban.time-zone: unknown zone '" + timeZone + "'");
        }
    }
}
