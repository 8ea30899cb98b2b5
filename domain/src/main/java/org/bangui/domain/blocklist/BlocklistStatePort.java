package org.bangui.domain.blocklist;

import java.util.Collection;
import java.util.Map;
import org.bangui.domain.jail.JailName;

/**
 * What each source holds in which jail, entry by entry (entries in fail2ban's spelling, {@code 1.2.3.4} or
 * {@code 198.51.100.0/24}). Every write is one transaction; every method throws {@link BlocklistStoreException}
 * when the store fails.
 */
public interface BlocklistStatePort {

    /** Hands every entry of the source to {@code consumer}, jail by jail; streams, holds nothing in memory. */
    void forEach(long sourceId, EntryConsumer consumer);

    /** Sets the state of these entries of the source in the jail, inserting those it did not hold. */
    void put(long sourceId, JailName jail, Collection<String> entries, EntryState state);

    /** Forgets these entries of the source in the jail. */
    void remove(long sourceId, JailName jail, Collection<String> entries);

    /**
     * Which of these entries another source holds in the jail, in any state, with the strongest claim:
     * {@link EntryState#BANNED} (or BANNING) before {@link EntryState#EXTERNAL} before UNBANNING.
     */
    Map<String, EntryState> heldByOthers(long sourceId, JailName jail, Collection<String> entries);

    /** How many distinct entries the sources hold in the jail in a held state (BANNED or EXTERNAL). */
    long countHeld(JailName jail);

    /** How many entries the source holds, all states. */
    long count(long sourceId);

    /** Receives one stored entry. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(JailName jail, String entry, EntryState state);
    }
}
