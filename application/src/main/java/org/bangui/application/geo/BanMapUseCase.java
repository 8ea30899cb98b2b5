package org.bangui.application.geo;

import java.util.List;
import java.util.Objects;

/** Where the banned addresses are: active bans counted per country. */
public interface BanMapUseCase {

    /**
     * Active bans of every jail per country, most bans first; a network ban counts by its first address.
     *
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    BanMap banMap();

    /**
     * @param countries one entry per country with at least one ban, most bans first, then by code
     * @param unknown how many bans have no known country
     */
    record BanMap(List<CountryBans> countries, long unknown) {

        /** @throws NullPointerException if countries is null */
        public BanMap {
            countries = List.copyOf(Objects.requireNonNull(countries, "countries"));
        }
    }

    /** How many active bans one country has. */
    record CountryBans(String country, long bans) {
    }
}
