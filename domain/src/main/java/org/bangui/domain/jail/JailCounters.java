package org.bangui.domain.jail;

/**
 * Failure and ban counters of one jail, as fail2ban's {@code status <jail> short} reports them.
 *
 * @param currentlyFailed addresses with failures inside the find window now
 * @param totalFailed failures seen since the jail started
 * @param currentlyBanned addresses banned now
 * @param totalBanned bans since the jail started
 */
public record JailCounters(long currentlyFailed, long totalFailed, long currentlyBanned, long totalBanned) {

    /** All zero. */
    public static final JailCounters ZERO = new JailCounters(0, 0, 0, 0);

    /** @throws IllegalArgumentException if any counter is negative */
    public JailCounters {
        if (currentlyFailed < 0 || totalFailed < 0 || currentlyBanned < 0 || totalBanned < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /** Component-wise sum. */
    public JailCounters plus(JailCounters other) {
        return new JailCounters(currentlyFailed + other.currentlyFailed, totalFailed + other.totalFailed,
                currentlyBanned + other.currentlyBanned, totalBanned + other.totalBanned);
    }
}
