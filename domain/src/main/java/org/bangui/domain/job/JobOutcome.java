package org.bangui.domain.job;

import java.util.Locale;

/** How a job run ended. */
public enum JobOutcome {
    SUCCEEDED, FAILED, INTERRUPTED, SKIPPED;

    /** The lower-case name used in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException if {@code code} names no outcome */
    public static JobOutcome ofCode(String code) {
        for (JobOutcome outcome : values()) {
            if (outcome.code().equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown job outcome: " + code);
    }
}
