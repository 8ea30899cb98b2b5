package org.bangui.domain.job;

import java.util.Locale;

/** What started a run: its schedule, or a person through the API. */
public enum JobTrigger {
    SCHEDULE, MANUAL;

    /** The lower-case name used in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException if {@code code} names no trigger */
    public static JobTrigger ofCode(String code) {
        for (JobTrigger trigger : values()) {
            if (trigger.code().equals(code)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown job trigger: " + code);
    }
}
