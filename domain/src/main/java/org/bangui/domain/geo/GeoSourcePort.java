package org.bangui.domain.geo;

import org.bangui.domain.net.IpAddress;

/**
 * Where geo answers come from: a geo-IP database file, or an HTTP lookup service. Unlike
 * {@link GeoLookupPort}, which callers use, a source is not cached; the cache in front of it asks it once per
 * address. Lookups never throw: whatever goes wrong answers {@link GeoInfo#UNKNOWN}.
 */
public interface GeoSourcePort {

    /** What the source knows about the address; never null, {@link GeoInfo#UNKNOWN} when nothing. */
    GeoInfo lookup(IpAddress address);

    /**
     * A short label of the data the source answers from, which changes whenever that data changes (a new
     * database file); {@code none} when it has none. Never a filesystem path.
     */
    String version();
}
