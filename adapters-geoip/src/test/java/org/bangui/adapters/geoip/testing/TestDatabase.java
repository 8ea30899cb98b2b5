package org.bangui.adapters.geoip.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real country file of {@code @ip-location-db/geo-whois-asn-country-mmdb} that {@code scripts/test.sh}
 * fetches (its path comes from the system property {@code bangui.geoip.test-db}, set by the poms). Tests that
 * need it fail, not skip, without it.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The file; fails with instructions if it is absent. */
    public static Path countryFile() {
        String configured = System.getProperty("bangui.geoip.test-db", ".cache/geoip/country.mmdb");
        Path file = Path.of(configured);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the geo-IP test database " + file + " is missing: run scripts/test.sh, or "
                    + "fetch it with: bash -c 'source scripts/lib/common.sh && ensure_geo_db .cache/geoip'");
        }
        return file;
    }
}
