package org.bangui.domain.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * fail2ban's own database settings. fail2ban deletes ban records older than {@code purgeAge}, which is why
 * BanGUI keeps its own archive.
 *
 * @param file the database file, empty when fail2ban runs without one
 * @param purgeAge how long fail2ban keeps ban records, empty without a database
 */
public record ServerDatabase(Optional<String> file, Optional<Duration> purgeAge) {

    /** @throws NullPointerException if a component is null (use Optional.empty()) */
    public ServerDatabase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(purgeAge, "purgeAge");
    }
}
