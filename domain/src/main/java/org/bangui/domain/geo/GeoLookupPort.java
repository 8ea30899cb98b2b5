package org.bangui.domain.geo;

import org.bangui.domain.net.IpAddress;

/**
 * Looks up where an address is. Lookups never fail: an address that cannot be resolved, for whatever reason
 * (no database, a private range, an unreadable file), answers {@link GeoInfo#UNKNOWN} or a partial answer.
 */
public interface GeoLookupPort {

    /** What is known about the address; never null. */
    GeoInfo lookup(IpAddress address);
}
