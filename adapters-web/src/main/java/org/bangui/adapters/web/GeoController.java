package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.application.geo.BanMapUseCase;
import org.bangui.application.geo.LookupGeoUseCase;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.net.IpAddress;

/**
 * Geo-IP: where one address is, and the country map of active bans. Unknown is {@code null}, never an error:
 * private and documentation ranges, addresses the database does not know, no database at all.
 */
@Controller(ApiDefinition.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GeoController {

    private final LookupGeoUseCase geo;
    private final BanMapUseCase map;

    GeoController(LookupGeoUseCase geo, BanMapUseCase map) {
        this.geo = geo;
        this.map = map;
    }

    /** Country and network owner of one address (IPv4, or IPv6 as is in the path); 400 for anything else. */
    @Get("/geo/{ip}")
    @ApiErrors.BadRequest
    public GeoView lookup(@PathVariable String ip) {
        IpAddress address = IpAddress.parse(ip);
        GeoInfo info = geo.lookup(address);
        return new GeoView(address.text(), info.country().orElse(null), info.asn().orElse(null),
                info.asOrganization().orElse(null));
    }

    /** Active bans of every jail counted per country, most first; {@code unknown} counts the rest. */
    @Get("/dashboard/map")
    @ApiErrors.Unavailable
    public MapView banMap() {
        BanMapUseCase.BanMap result = map.banMap();
        return new MapView(result.countries().stream().map(c -> new CountryView(c.country(), c.bans())).toList(),
                result.unknown());
    }

    /** Where an address is; null fields are unknown. */
    @Serdeable
    public record GeoView(String ip, @Nullable String country, @Nullable Long asn, @Nullable String asOrganization) {
    }

    /** The ban map. */
    @Serdeable
    public record MapView(List<CountryView> countries, long unknown) {
    }

    /** One country's active bans. */
    @Serdeable
    public record CountryView(String country, long bans) {
    }
}
