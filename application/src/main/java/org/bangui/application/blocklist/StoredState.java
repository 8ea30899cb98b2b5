package org.bangui.application.blocklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bangui.domain.blocklist.BlocklistStatePort;
import org.bangui.domain.blocklist.EntrySet;
import org.bangui.domain.blocklist.EntryState;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * What a source holds, read from the store into packed sets: per jail, its entries by state. Entries the store
 * holds that are not networks (never written by BanGUI) are left out.
 */
final class StoredState {

    /** The entries of one jail, one set per state. */
    static final class InJail {
        final EntrySet banned = new EntrySet();
        final EntrySet external = new EntrySet();
        final EntrySet banning = new EntrySet();
        final EntrySet unbanning = new EntrySet();

        EntrySet of(EntryState state) {
            return switch (state) {
                case BANNED -> banned;
                case EXTERNAL -> external;
                case BANNING -> banning;
                case UNBANNING -> unbanning;
            };
        }

        boolean contains(IpNetwork entry) {
            return banned.contains(entry) || external.contains(entry) || banning.contains(entry)
                    || unbanning.contains(entry);
        }

        long size() {
            return (long) banned.size() + external.size() + banning.size() + unbanning.size();
        }
    }

    final Map<JailName, InJail> jails = new LinkedHashMap<>();

    static StoredState load(BlocklistStatePort state, long sourceId) {
        StoredState stored = new StoredState();
        state.forEach(sourceId, (jail, entry, entryState) ->
                stored.jails.computeIfAbsent(jail, j -> new InJail()).of(entryState).addText(entry));
        return stored;
    }

    InJail in(JailName jail) {
        return jails.computeIfAbsent(jail, j -> new InJail());
    }
}
