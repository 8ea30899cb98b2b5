package org.bangui.domain.geo;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known about where an address is.
 *
 * @param country the ISO 3166-1 alpha-2 country code, upper case; empty when unknown (private, reserved and
 *                documentation ranges, addresses missing from the database, no database)
 * @param asn the autonomous system number of the network that holds the address; empty when unknown
 * @param asOrganization the name of that network's owner; empty when unknown
 */
public record GeoInfo(Optional<String> country, Optional<Long> asn, Optional<String> asOrganization) {

    /** Nothing known. */
    public static final GeoInfo UNKNOWN = new GeoInfo(Optional.empty(), Optional.empty(), Optional.empty());

    /** @throws NullPointerException if a component is null (use Optional.empty()) */
    public GeoInfo {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(asn, "asn");
        Objects.requireNonNull(asOrganization, "asOrganization");
    }
}
