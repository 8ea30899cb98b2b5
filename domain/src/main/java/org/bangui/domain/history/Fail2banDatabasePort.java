package org.bangui.domain.history;

/**
 * fail2ban's own SQLite database, read-only. Each {@link #open()} locates and opens the file anew, so a replaced
 * or moved file is picked up by the next run.
 */
public interface Fail2banDatabasePort {

    /**
     * Opens the database for reading.
     *
     * @throws Fail2banDatabaseUnavailableException if there is none (fail2ban runs without one), the file is
     *         missing or unreadable, or fail2ban cannot be asked where it is
     */
    Fail2banDatabase open();
}
