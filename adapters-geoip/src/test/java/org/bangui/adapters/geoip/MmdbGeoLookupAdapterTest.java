package org.bangui.adapters.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bangui.adapters.geoip.testing.MmdbWriter;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.health.ProbeResult;
import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmdbGeoLookupAdapterTest {

    private static final Duration CHECK = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    private MmdbGeoLookupAdapter adapter(Path country, Path asn) {
        return new MmdbGeoLookupAdapter(Optional.ofNullable(country), Optional.ofNullable(asn), CHECK, nanos::get);
    }

    private static Optional<String> country(MmdbGeoLookupAdapter adapter, String ip) {
        return adapter.lookup(IpAddress.parse(ip)).country();
    }

    private static Map<String, Object> maxMindCountry(String iso) {
        return Map.of("continent", Map.of("code", "EU", "names", Map.of("en", "Europe")),
                "country", Map.of("geoname_id", 2921044L, "iso_code", iso, "names", Map.of("en", "Somewhere",
                        "de", "Irgendwo")));
    }

    @Test
    void readsMaxMindCountryAndCityRecordsByCountryIsoCode() throws Exception {
        Path file = dir.resolve("GeoIP2-Country-Test.mmdb");
        new MmdbWriter("GeoIP2-Country")
                .network("81.2.69.0/24", maxMindCountry("GB"))
                .network("2a02:cf40::/29", maxMindCountry("NO"))
                .network("89.160.20.0/24", Map.of("city", Map.of("names", Map.of("en", "Linköping")),
                        "country", Map.of("iso_code", "SE", "names", Map.of("en", "Sweden")),
                        "location", Map.of("time_zone", "Europe/Stockholm")))
                .network("2.125.160.0/24", Map.of("registered_country", Map.of("iso_code", "FR")))
                .write(file, 1_700_000_000L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);

        assertThat(country(adapter, "81.2.69.160")).contains("GB");
        assertThat(country(adapter, "2a02:cf40::1")).contains("NO");
        assertThat(country(adapter, "89.160.20.112")).contains("SE");
        assertThat(country(adapter, "2.125.160.216")).as("registered_country when country is absent").contains("FR");
        assertThat(country(adapter, "81.2.70.1")).isEmpty();
        assertThat(adapter.version()).matches("GeoIP2-Country@1700000000/[0-9a-f]+");
    }

    @Test
    void readsIpLocationDbRecordsByCountryCode() throws Exception {
        Path file = dir.resolve("country.mmdb");
        new MmdbWriter("country ipvAll")
                .network("8.8.8.0/24", Map.of("country_code", "US"))
                .network("2001:4860::/32", Map.of("country_code", "us"))
                .network("1.1.1.0/24", Map.of("country_code", "not-a-code"))
                .write(file, 1_781_725_900L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);

        assertThat(country(adapter, "8.8.8.8")).contains("US");
        assertThat(country(adapter, "2001:4860:4860::8888")).as("upper-cased").contains("US");
        assertThat(country(adapter, "1.1.1.1")).as("a malformed code is unknown").isEmpty();
    }

    @Test
    void asnFileAddsTheNetworkOwner() throws Exception {
        Path countries = dir.resolve("country.mmdb");
        Path asns = dir.resolve("asn.mmdb");
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "US")).write(countries, 1L);
        new MmdbWriter("GeoLite2-ASN")
                .network("8.8.8.0/24", Map.of("autonomous_system_number", 15169L,
                        "autonomous_system_organization", "GOOGLE"))
                .network("9.9.9.0/24", Map.of("autonomous_system_number", 4_200_000_000L))
                .write(asns, 2L);
        MmdbGeoLookupAdapter adapter = adapter(countries, asns);

        assertThat(adapter.lookup(IpAddress.parse("8.8.8.8")))
                .isEqualTo(new GeoInfo(Optional.of("US"), Optional.of(15169L), Optional.of("GOOGLE")));
        assertThat(adapter.lookup(IpAddress.parse("9.9.9.9")))
                .isEqualTo(new GeoInfo(Optional.empty(), Optional.of(4_200_000_000L), Optional.empty()));
        assertThat(adapter.version()).matches("country@1/[0-9a-f]+\\+GeoLite2-ASN@2/[0-9a-f]+");
    }

    @Test
    void reservedRangesAreUnknownEvenWhenTheFileMapsThem() throws Exception {
        Path file = dir.resolve("country.mmdb");
        MmdbWriter writer = new MmdbWriter("country");
        for (String net : new String[] {"10.0.0.0/8", "127.0.0.0/8", "192.168.0.0/16", "192.0.2.0/24",
                "198.51.100.0/24", "203.0.113.0/24", "169.254.0.0/16", "224.0.0.0/4", "100.64.0.0/10",
                "2001:db8::/32", "fe80::/10", "fc00::/7", "ff00::/8", "::1/128"}) {
            writer.network(net, Map.of("country_code", "ZZ"));
        }
        writer.network("8.8.8.0/24", Map.of("country_code", "US")).write(file, 1L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);

        for (String ip : new String[] {"10.1.2.3", "127.0.0.1", "192.168.1.1", "192.0.2.10", "198.51.100.7",
                "203.0.113.5", "169.254.1.1", "239.1.1.1", "100.64.0.1", "2001:db8::1", "fe80::1", "fd00::2",
                "ff02::1", "::1", "255.255.255.255", "0.0.0.0"}) {
            assertThat(adapter.lookup(IpAddress.parse(ip))).as(ip).isEqualTo(GeoInfo.UNKNOWN);
        }
        assertThat(country(adapter, "8.8.8.8")).contains("US");
    }

    @Test
    void aReplacedFileIsPickedUpAfterTheCheckIntervalWithoutRestart() throws Exception {
        Path file = dir.resolve("country.mmdb");
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "US")).write(file, 1L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);
        assertThat(country(adapter, "8.8.8.8")).contains("US");

        // renamed over the old file
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "CA")).write(file, 2L);
        assertThat(country(adapter, "8.8.8.8")).as("not checked before the interval").contains("US");
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).contains("CA");
        assertThat(adapter.version()).matches("country@2/[0-9a-f]+");
        String second = adapter.version();

        // the same metadata with other content (a damaged copy, a re-export): another version all the same, so
        // that answers cached under one are never taken for the other's
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "BR")).network("9.9.9.0/24",
                Map.of("country_code", "CH")).write(file, 2L);
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).contains("BR");
        assertThat(adapter.version()).startsWith("country@2/").isNotEqualTo(second);

        // rewritten in place (same inode)
        byte[] next = new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "MX")).build(3L);
        Files.write(file, next);
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).contains("MX");
    }

    @Test
    void aBrokenReplacementKeepsThePreviousFileAndAFixedOneIsLoaded() throws Exception {
        Path file = dir.resolve("country.mmdb");
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "US")).write(file, 1L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);
        MmdbProbeAdapter probe = new MmdbProbeAdapter(adapter);

        Files.writeString(file, "not a database at all, just some text of a size");
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).contains("US");
        assertThat(probe.probe().up()).isTrue();

        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "DE")).write(file, 5L);
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).contains("DE");
    }

    @Test
    void missingFileAnswersUnknownAndTheProbeSaysWhyWithoutThePath() throws Exception {
        Path file = dir.resolve("secret-place").resolve("country.mmdb");
        MmdbGeoLookupAdapter adapter = adapter(file, null);
        MmdbProbeAdapter probe = new MmdbProbeAdapter(adapter);

        assertThat(adapter.lookup(IpAddress.parse("8.8.8.8"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(adapter.version()).isEqualTo("none");
        ProbeResult result = probe.probe();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("missing").doesNotContain("secret-place");
        assertThat(probe.component()).isEqualTo("geoip");
        assertThat(probe.requiredForReadiness()).isFalse();

        Files.createDirectories(file.getParent());
        new MmdbWriter("GeoLite2-Country").network("8.8.8.0/24", maxMindCountry("US")).write(file, 1_781_725_900L);
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).as("appears without restart").contains("US");
        assertThat(probe.probe()).isEqualTo(ProbeResult.up("loaded GeoLite2-Country built 2026-06-17"));
    }

    @Test
    void unreadableFileIsReportedAndSwitchedOffIsUp() throws Exception {
        Path file = dir.resolve("country.mmdb");
        Files.writeString(file, "garbage");
        MmdbGeoLookupAdapter adapter = adapter(file, null);
        assertThat(adapter.lookup(IpAddress.parse("8.8.8.8"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(new MmdbProbeAdapter(adapter).probe())
                .isEqualTo(ProbeResult.down("database file unreadable: not a MaxMind DB file; countries are unknown"));

        MmdbGeoLookupAdapter off = adapter(null, null);
        assertThat(off.lookup(IpAddress.parse("8.8.8.8"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(new MmdbProbeAdapter(off).probe().up()).isTrue();
        assertThat(new MmdbProbeAdapter(off).probe().detail()).startsWith("disabled");
    }

    @Test
    void copyOfTheFileUnderANewNameIsANewIdentity() throws Exception {
        Path file = dir.resolve("country.mmdb");
        Path staged = dir.resolve("staged.mmdb");
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "US")).write(file, 1L);
        MmdbGeoLookupAdapter adapter = adapter(file, null);
        new MmdbWriter("country").network("8.8.8.0/24", Map.of("country_code", "JP")).write(staged, 1L);
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        nanos.addAndGet(CHECK.toNanos());
        assertThat(country(adapter, "8.8.8.8")).as("same build epoch, other inode").contains("JP");
    }
}
