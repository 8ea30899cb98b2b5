package org.bangui.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoLookupPort;

/** Wires geo-IP lookups. Until a geo database adapter exists, every address is unknown. */
@Factory
class GeoFactory {

    @Singleton
    GeoLookupPort geoLookup() {
        return address -> GeoInfo.UNKNOWN;
    }
}
