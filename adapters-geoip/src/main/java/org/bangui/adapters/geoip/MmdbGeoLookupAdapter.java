package org.bangui.adapters.geoip;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoSourcePort;
import org.bangui.domain.geo.ReservedRanges;
import org.bangui.domain.net.IpAddress;

/**
 * {@link GeoSourcePort} on a country {@code .mmdb} file and an optional ASN file, each picked up anew when it
 * changes on disk. Reserved ranges answer unknown without a lookup; a missing or broken file answers unknown.
 */
public final class MmdbGeoLookupAdapter implements GeoSourcePort {

    private final ReloadingMmdb country;
    private final ReloadingMmdb asn;
    /** One answer object per country: cached answers of many addresses share it (about 250 codes). */
    private final ConcurrentHashMap<String, GeoInfo> countryOnly = new ConcurrentHashMap<>();

    /**
     * @param countryFile the country file; empty when geo-IP is switched off
     * @param asnFile the ASN file; empty when none is configured
     * @param checkInterval how often, at most, the files are checked for a change
     */
    public MmdbGeoLookupAdapter(Optional<Path> countryFile, Optional<Path> asnFile, Duration checkInterval) {
        this(countryFile, asnFile, checkInterval, System::nanoTime);
    }

    MmdbGeoLookupAdapter(Optional<Path> countryFile, Optional<Path> asnFile, Duration checkInterval,
                         LongSupplier nanoTime) {
        this.country = countryFile.map(p -> new ReloadingMmdb("country", p, checkInterval, nanoTime)).orElse(null);
        this.asn = asnFile.map(p -> new ReloadingMmdb("asn", p, checkInterval, nanoTime)).orElse(null);
    }

    @Override
    public GeoInfo lookup(IpAddress address) {
        if (ReservedRanges.isReserved(address)) {
            return GeoInfo.UNKNOWN;
        }
        Optional<String> code = Optional.empty();
        Optional<Long> number = Optional.empty();
        Optional<String> organization = Optional.empty();
        if (country != null && country.state() instanceof ReloadingMmdb.Loaded loaded) {
            try {
                MmdbRecords.Country found = loaded.reader().get(address.inet(), MmdbRecords.Country.class);
                code = found == null ? Optional.empty() : countryCode(found.code());
            } catch (IOException | RuntimeException e) {
                code = Optional.empty(); // a corrupt record is an unknown address, never an error
            }
        }
        if (asn != null && asn.state() instanceof ReloadingMmdb.Loaded loaded) {
            try {
                MmdbRecords.Asn found = loaded.reader().get(address.inet(), MmdbRecords.Asn.class);
                if (found != null) {
                    number = Optional.ofNullable(found.number());
                    organization = Optional.ofNullable(found.organization()).filter(s -> !s.isBlank());
                }
            } catch (IOException | RuntimeException e) {
                number = Optional.empty();
            }
        }
        if (number.isEmpty() && organization.isEmpty()) {
            return code.map(c -> countryOnly.computeIfAbsent(c,
                    k -> new GeoInfo(Optional.of(k), Optional.empty(), Optional.empty()))).orElse(GeoInfo.UNKNOWN);
        }
        return new GeoInfo(code, number, organization);
    }

    @Override
    public String version() {
        String countryVersion = version(country);
        String asnVersion = version(asn);
        if (asnVersion == null) {
            return countryVersion == null ? "none" : countryVersion;
        }
        return (countryVersion == null ? "none" : countryVersion) + "+" + asnVersion;
    }

    /** The state of the country file (null when switched off) and of the ASN file (null when none). */
    ReloadingMmdb.State countryState() {
        return country == null ? null : country.state();
    }

    ReloadingMmdb.State asnState() {
        return asn == null ? null : asn.state();
    }

    private static String version(ReloadingMmdb file) {
        return file != null && file.state() instanceof ReloadingMmdb.Loaded loaded ? loaded.version() : null;
    }

    private static Optional<String> countryCode(String raw) {
        if (raw == null || raw.length() != 2) {
            return Optional.empty();
        }
        String code = raw.toUpperCase(Locale.ROOT);
        return Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1))
                && code.charAt(0) < 128 && code.charAt(1) < 128 ? Optional.of(code) : Optional.empty();
    }
}
