package org.bangui.application.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.ban.QueryBansUseCase;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/** Answers geo questions through the shared, cached {@link GeoLookupPort}. */
public final class GeoQueryService implements LookupGeoUseCase, BanMapUseCase {

    private final GeoLookupPort geo;
    private final QueryBansUseCase bans;

    public GeoQueryService(GeoLookupPort geo, QueryBansUseCase bans) {
        this.geo = Objects.requireNonNull(geo, "geo");
        this.bans = Objects.requireNonNull(bans, "bans");
    }

    @Override
    public GeoInfo lookup(IpAddress address) {
        return geo.lookup(address);
    }

    @Override
    public BanMap banMap() {
        Map<String, Long> perCountry = new HashMap<>();
        long unknown = 0;
        for (IpNetwork target : bans.activeTargets()) {
            Optional<String> country = geo.lookup(target.address()).country();
            if (country.isPresent()) {
                perCountry.merge(country.get(), 1L, Long::sum);
            } else {
                unknown++;
            }
        }
        List<CountryBans> countries = new ArrayList<>();
        perCountry.forEach((country, count) -> countries.add(new CountryBans(country, count)));
        countries.sort(Comparator.comparingLong(CountryBans::bans).reversed().thenComparing(CountryBans::country));
        return new BanMap(countries, unknown);
    }
}
