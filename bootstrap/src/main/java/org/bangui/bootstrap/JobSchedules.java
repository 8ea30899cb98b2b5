package org.bangui.bootstrap;

import io.micronaut.scheduling.cron.CronExpression;
import java.time.ZoneOffset;
import org.bangui.application.job.JobSchedule;

/** Parses a job schedule setting: a duration ({@code 1m}: fixed delay) or a 5-field cron expression (UTC). */
final class JobSchedules {

    private JobSchedules() {
    }

    /** @throws IllegalArgumentException naming the setting if the value is neither */
    static JobSchedule parse(String setting, String value) {
        String text = value == null ? "" : value.trim();
        if (text.split("\\s+").length == 5) {
            try {
                // Micronaut's expressions have a seconds field first
                CronExpression cron = CronExpression.create("0 " + text);
                return JobSchedule.cron(text, after -> cron.nextTimeAfter(after.atZone(ZoneOffset.UTC)).toInstant());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": '" + value + "' is not a 5-field cron expression");
            }
        }
        return JobSchedule.every(SettingValues.duration(setting, text), false);
    }

}
