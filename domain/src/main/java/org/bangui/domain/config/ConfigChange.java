package org.bangui.domain.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored version of a file BanGUI changed: its bytes before and after one change.
 *
 * @param id the change's id, increasing
 * @param change the file and its bytes
 * @param at when it was written
 * @param actor who asked for it
 * @param summary what was asked ({@code jail sshd: maxretry, bantime})
 */
public record ConfigChange(long id, FileChange change, Instant at, String actor, String summary) {

    public ConfigChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
    }
}
