package org.bangui.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bangui.application.job.JobSchedule;

/**
 * The ban archive's settings as typed values, parsed once at start-up (SettingsFactory).
 *
 * @param syncSchedule {@code BANGUI_HISTORY_SYNC_INTERVAL}: when {@code history_sync} runs; a duration runs it
 *                     at start and then that long after each run, a 5-field cron expression (UTC) on its firings
 * @param fail2banDatabase {@code BANGUI_FAIL2BAN_DB_PATH}: fail2ban's database file, when it is not where
 *                         fail2ban says ({@code get dbfile}), e.g. mounted elsewhere in a container
 * @param retention {@code BANGUI_HISTORY_RETENTION_DAYS}: archived bans that started longer ago are deleted
 */
record HistoryConfig(JobSchedule syncSchedule, Optional<Path> fail2banDatabase, Duration retention) {

    /** @throws IllegalArgumentException naming the setting whose value is malformed */
    static HistoryConfig from(String syncInterval, String fail2banDbPath, String retentionDays) {
        String interval = syncInterval == null ? "" : syncInterval.trim();
        JobSchedule schedule = interval.split("\\s+").length == 5
                ? JobSchedules.parse("bangui.history.sync-interval", interval)
                : JobSchedule.every(SettingValues.duration("bangui.history.sync-interval", interval), true);
        String path = fail2banDbPath == null ? "" : fail2banDbPath.trim();
        return new HistoryConfig(schedule, path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path)),
                Duration.ofDays(days(retentionDays)));
    }

    private static long days(String value) {
        String text = value == null ? "" : value.trim();
        long days;
        try {
            days = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bangui.history.retention-days: '" + value + "' is not a number of "
                    + "days");
        }
        if (days < 1 || days > 36_500) {
            throw new IllegalArgumentException("bangui.history.retention-days: " + days + " is outside 1-36500");
        }
        return days;
    }
}
