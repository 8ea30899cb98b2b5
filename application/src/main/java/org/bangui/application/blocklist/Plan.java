package org.bangui.application.blocklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bangui.domain.blocklist.EntrySet;
import org.bangui.domain.jail.JailName;

/**
 * The diff of a list against what its source holds.
 *
 * <ul>
 *   <li>{@code ensure}: listed entries a cut-short import left pending (banning, or unbanning but listed again):
 *       banned again, they were this source's;</li>
 *   <li>{@code fresh}: listed entries the source does not hold yet;</li>
 *   <li>{@code releases}: held entries no longer listed, per jail (all of them in a jail the source left);</li>
 *   <li>{@code held}: listed entries the source holds and has banned, for the repair of a jail that lost some.</li>
 * </ul>
 */
final class Plan {

    /** Entries to let go in one jail: owned ones are unbanned unless another source holds them. */
    record Release(JailName jail, EntrySet owned, EntrySet external) {

        boolean isEmpty() {
            return owned.isEmpty() && external.isEmpty();
        }
    }

    final EntrySet ensure = new EntrySet();
    final EntrySet fresh = new EntrySet();
    final EntrySet held = new EntrySet();
    final List<Release> releases = new ArrayList<>();

    private Plan() {
    }

    /**
     * @param jail the jail the list goes into; null when the source is deleted (everything is released)
     */
    static Plan of(StoredState stored, JailName jail, EntrySet list) {
        Plan plan = new Plan();
        StoredState.InJail here = jail == null ? new StoredState.InJail() : stored.in(jail);
        list.forEach(entry -> {
            if (here.banning.contains(entry) || here.unbanning.contains(entry)) {
                plan.ensure.add(entry);
            } else if (here.banned.contains(entry)) {
                plan.held.add(entry);
            } else if (!here.external.contains(entry)) {
                plan.fresh.add(entry);
            }
        });
        for (Map.Entry<JailName, StoredState.InJail> e : stored.jails.entrySet()) {
            StoredState.InJail in = e.getValue();
            boolean left = !e.getKey().equals(jail);
            EntrySet owned = new EntrySet();
            EntrySet external = new EntrySet();
            addUnlisted(in.banned, list, left, owned);
            addUnlisted(in.banning, list, left, owned);
            addUnlisted(in.unbanning, list, left, owned);
            addUnlisted(in.external, list, left, external);
            Release release = new Release(e.getKey(), owned, external);
            if (!release.isEmpty()) {
                plan.releases.add(release);
            }
        }
        return plan;
    }

    private static void addUnlisted(EntrySet held, EntrySet list, boolean left, EntrySet into) {
        held.forEach(entry -> {
            if (left || !list.contains(entry)) {
                into.add(entry);
            }
        });
    }
}
