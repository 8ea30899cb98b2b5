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
 *   <li>{@code releases}: held entries no longer listed, per jail (all of them in a jail the source left).</li>
 * </ul>
 * Every set is built from the packed sets directly and sized by what it holds: a 1,000,000-entry diff keeps
 * about the list and the stored state in memory, not copies of them.
 */
final class Plan {

    /**
     * Entries to let go in one jail: owned ones are unbanned unless another source holds them; {@code retried} are
     * the owned ones an earlier unban already left pending (forgotten after this attempt, whatever fail2ban says).
     */
    record Release(JailName jail, EntrySet owned, EntrySet external, EntrySet retried) {

        boolean isEmpty() {
            return owned.isEmpty() && external.isEmpty();
        }
    }

    final EntrySet ensure;
    final EntrySet fresh;
    final List<Release> releases = new ArrayList<>();

    private Plan(EntrySet ensure, EntrySet fresh) {
        this.ensure = ensure;
        this.fresh = fresh;
    }

    /**
     * Set operations on the packed sets: no object per entry, linear in the sizes.
     *
     * @param jail the jail the list goes into; null when the source is deleted (everything is released)
     */
    static Plan of(StoredState stored, JailName jail, EntrySet list) {
        StoredState.InJail here = jail == null ? new StoredState.InJail() : stored.in(jail);
        Plan plan = new Plan(list.intersect(here.banning, here.unbanning),
                list.minusAll(here.banned, here.external, here.banning, here.unbanning));
        for (Map.Entry<JailName, StoredState.InJail> e : stored.jails.entrySet()) {
            StoredState.InJail in = e.getValue();
            boolean left = !e.getKey().equals(jail);
            EntrySet owned;
            if (left) {
                owned = new EntrySet();
                owned.addAll(in.banned);
                owned.addAll(in.banning);
                owned.addAll(in.unbanning);
            } else {
                owned = in.banned.minus(list);
                owned.addAll(in.banning.minus(list));
                owned.addAll(in.unbanning.minus(list));
            }
            Release release = left ? new Release(e.getKey(), owned, in.external, in.unbanning)
                    : new Release(e.getKey(), owned, in.external.minus(list), in.unbanning.minus(list));
            if (!release.isEmpty()) {
                plan.releases.add(release);
            }
        }
        return plan;
    }
}
