package org.bangui.domain.geo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.net.IpAddress;

/**
 * The durable geo cache: answers survive restarts, and answers of an HTTP lookup service are not asked for
 * twice. Every method throws {@link GeoCacheException} if the store cannot be used.
 */
public interface GeoCachePort {

    /** The remembered answer for the address, if any. */
    Optional<GeoCacheEntry> find(IpAddress address);

    /** Stores the entries, replacing older entries of the same addresses. */
    void saveAll(Collection<GeoCacheEntry> entries);

    /** Deletes the entries resolved before {@code cutoff}; returns how many. */
    int deleteResolvedBefore(Instant cutoff);

    /**
     * Up to {@code limit} entries without a country whose source label differs from {@code source}, oldest
     * first: the ones worth retrying once the database has changed.
     */
    List<GeoCacheEntry> unresolvedNotFrom(String source, int limit);
}
