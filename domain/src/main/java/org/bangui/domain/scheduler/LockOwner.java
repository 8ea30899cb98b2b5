package org.bangui.domain.scheduler;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who holds, or wants, the scheduler lock: one running process. The id is {@code host:pid:random}, so that
 * a restarted process on the same host with a reused pid is still a different owner.
 *
 * @param id printable, at most 200 characters, without whitespace
 */
public record LockOwner(String id) {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** @throws IllegalArgumentException if the id is empty, too long or not printable ASCII */
    public LockOwner {
        Objects.requireNonNull(id, "id");
        if (!PRINTABLE.matcher(id).matches()) {
            throw new IllegalArgumentException("lock owner id must be 1-200 printable ASCII characters");
        }
    }

    /** An owner for this process: {@code host:pid:random}. */
    public static LockOwner of(String host, long pid, String random) {
        String safeHost = host.replaceAll("[^\\x21-\\x7e]", "_");
        if (safeHost.length() > 120) {
            safeHost = safeHost.substring(0, 120);
        }
        return new LockOwner(safeHost + ":" + pid + ":" + random);
    }

    @Override
    public String toString() {
        return id;
    }
}
