package org.bangui.application.geo;

import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.net.IpAddress;

/** Where one address is. */
public interface LookupGeoUseCase {

    /** What is known about the address; never null, never throws ({@link GeoInfo#UNKNOWN} at worst). */
    GeoInfo lookup(IpAddress address);
}
