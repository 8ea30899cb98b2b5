package org.bangui.adapters.geoip;

import java.time.temporal.ChronoUnit;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/**
 * The {@code geoip} health component: which database is loaded (type and build date), or why lookups answer
 * unknown. It names no path. Geo-IP is optional, so it never takes the service out of readiness.
 */
public final class MmdbProbeAdapter implements ComponentProbePort {

    private final MmdbGeoLookupAdapter lookups;

    public MmdbProbeAdapter(MmdbGeoLookupAdapter lookups) {
        this.lookups = lookups;
    }

    @Override
    public String component() {
        return "geoip";
    }

    @Override
    public boolean requiredForReadiness() {
        return false;
    }

    @Override
    public ProbeResult probe() {
        ReloadingMmdb.State country = lookups.countryState();
        if (country == null) {
            return ProbeResult.up("disabled: no database file configured; countries are unknown");
        }
        String asn = describeAsn(lookups.asnState());
        if (country instanceof ReloadingMmdb.Loaded loaded) {
            return ProbeResult.up(describe(loaded) + asn);
        }
        return ProbeResult.down("database file " + ((ReloadingMmdb.Unavailable) country).reason()
                + "; countries are unknown" + asn);
    }

    private static String describeAsn(ReloadingMmdb.State asn) {
        if (asn == null) {
            return "";
        }
        if (asn instanceof ReloadingMmdb.Loaded loaded) {
            return "; asn: " + describe(loaded);
        }
        return "; asn database file " + ((ReloadingMmdb.Unavailable) asn).reason();
    }

    private static String describe(ReloadingMmdb.Loaded loaded) {
        return "loaded " + loaded.databaseType() + " built " + loaded.buildTime().truncatedTo(ChronoUnit.DAYS)
                .toString().substring(0, 10);
    }
}
