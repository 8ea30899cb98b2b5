package org.bangui.domain.history;

import java.util.List;

/**
 * What the archive holds about one address.
 *
 * @param total how many archived bans the address has
 * @param jails every jail that has banned it, by name
 * @param entries its newest entries, newest first, at most the number asked for
 */
public record AddressHistory(long total, List<String> jails, List<HistoryEntry> entries) {

    /** Copies the lists. */
    public AddressHistory {
        jails = List.copyOf(jails);
        entries = List.copyOf(entries);
    }

    /** Whether older entries exist beyond {@link #entries()}. */
    public boolean truncated() {
        return total > entries.size();
    }
}
