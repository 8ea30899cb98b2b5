package org.bangui.domain.blocklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the sources. Every method throws {@link BlocklistStoreException} when the store fails. A deleted
 * source is first {@link #markDeleted marked}: it disappears from {@link #find} and {@link #list} at once, and
 * is {@link #remove removed} once its entries are released.
 */
public interface BlocklistSourcePort {

    /**
     * Stores a new source, due for import at {@code nextImportAt} if it is enabled.
     *
     * @throws BlocklistNameTakenException if another source has the name
     */
    BlocklistSource create(SourceSettings settings, Instant now, Optional<Instant> nextImportAt);

    /**
     * Replaces the settings of a source; the cache validators are cleared when the URL changes.
     *
     * @throws UnknownBlocklistException if there is no such source
     * @throws BlocklistNameTakenException if another source has the name
     */
    BlocklistSource update(long id, SourceSettings settings, Instant now, Optional<Instant> nextImportAt);

    /** The source, unless deleted. */
    Optional<BlocklistSource> find(long id);

    /** Every source that is not deleted, by id; never null. */
    List<BlocklistSource> list();

    /** Enabled sources due at {@code now}, the most overdue first; never null. */
    List<BlocklistSource> due(Instant now);

    /**
     * Records the outcome of an import: the next due time, the validators to send next time and the fingerprint
     * of what was applied (both empty when the next import must read and diff the list whole). Only if the
     * source's settings are still those of {@code basedOn} (its {@code updatedAt}): an import must not overwrite
     * what a change made while it ran (a new jail, URL or schedule, due at once).
     *
     * @return whether it was recorded
     */
    boolean scheduled(BlocklistSource basedOn, Optional<Instant> nextImportAt, CacheValidators validators,
                      Optional<String> fingerprint);

    /**
     * Marks the source deleted.
     *
     * @throws UnknownBlocklistException if there is no such source (or it is already deleted)
     */
    BlocklistSource markDeleted(long id, Instant now);

    /** Sources marked deleted whose entries are not released yet; never null. */
    List<BlocklistSource> deleted();

    /** Forgets a deleted source and its state. */
    void remove(long id);
}
