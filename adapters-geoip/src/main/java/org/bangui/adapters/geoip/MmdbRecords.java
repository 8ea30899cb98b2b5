package org.bangui.adapters.geoip;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;

/**
 * The parts of a record the adapter reads. The decoder fills only the named keys and skips the rest, so one
 * class reads MaxMind Country and City records ({@code country.iso_code}, with {@code registered_country} as
 * fall-back), ip-location-db records ({@code country_code}) and ASN records of both.
 */
final class MmdbRecords {

    private MmdbRecords() {
    }

    /** A country record of either schema. */
    public static final class Country {

        private final String code;

        /** Called by the decoder; absent keys arrive as null. */
        @MaxMindDbConstructor
        @SuppressWarnings("checkstyle:RedundantModifier") // the decoder looks up public constructors
        public Country(@MaxMindDbParameter(name = "country_code") String countryCode,
                       @MaxMindDbParameter(name = "country") IsoCode country,
                       @MaxMindDbParameter(name = "registered_country") IsoCode registeredCountry) {
            String found = countryCode;
            if (found == null && country != null) {
                found = country.code;
            }
            if (found == null && registeredCountry != null) {
                found = registeredCountry.code;
            }
            this.code = found;
        }

        /** The country code as written in the file, or null. */
        String code() {
            return code;
        }
    }

    /** MaxMind's nested {@code {"iso_code": "US", "names": ...}}. */
    public static final class IsoCode {

        private final String code;

        /** Called by the decoder. */
        @MaxMindDbConstructor
        @SuppressWarnings("checkstyle:RedundantModifier") // the decoder looks up public constructors
        public IsoCode(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            this.code = isoCode;
        }
    }

    /** An ASN record: GeoLite2-ASN and ip-location-db's asn files share these keys. */
    public static final class Asn {

        private final Long number;
        private final String organization;

        /** Called by the decoder. */
        @MaxMindDbConstructor
        @SuppressWarnings("checkstyle:RedundantModifier") // the decoder looks up public constructors
        public Asn(@MaxMindDbParameter(name = "autonomous_system_number") Long number,
                   @MaxMindDbParameter(name = "autonomous_system_organization") String organization) {
            this.number = number;
            this.organization = organization;
        }

        Long number() {
            return number;
        }

        String organization() {
            return organization;
        }
    }
}
