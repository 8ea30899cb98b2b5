package org.bangui.domain.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps the last {@link #KEPT_PER_FILE} versions of every file BanGUI changed. */
public interface ConfigChangePort {

    /** Versions kept per file; older ones are dropped when a newer one is recorded. */
    int KEPT_PER_FILE = 10;

    /** Records a change and drops the file's versions beyond {@link #KEPT_PER_FILE}, in one transaction. */
    ConfigChange record(FileChange change, Instant at, String actor, String summary);

    /** The kept changes, newest first, at most {@code limit}. */
    List<ConfigChange> list(int limit);

    /** One kept change. */
    Optional<ConfigChange> find(long id);
}
