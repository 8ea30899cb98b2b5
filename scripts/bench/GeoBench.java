// Geo-IP lookup benchmark, run as a single-file program on the packaged jar's classpath:
//   java -Xmx256m -cp bootstrap/target/bangui.jar scripts/bench/GeoBench.java <country.mmdb>
// One thread, distinct public addresses (deterministic), cache cold: a fresh reader (and a fresh cache) for
// every measured round, after one warm-up round on other addresses so that the JIT is not what is measured.
// Prints one line per measure: "<name> <lookups per second>".
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bangui.adapters.geoip.MmdbGeoLookupAdapter;
import org.bangui.application.geo.GeoCacheService;
import org.bangui.domain.geo.GeoCacheEntry;
import org.bangui.domain.geo.GeoCachePort;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.geo.ReservedRanges;
import org.bangui.domain.net.IpAddress;

public class GeoBench {

    static final int N = 250_000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        IpAddress[] warm = addresses(N, 1);
        IpAddress[] measured = addresses(N, 2);
        IpAddress[] mapBans = addresses(100_000, 3);
        run(reader(file)::lookup, warm);
        run(cached(reader(file)), warm);
        double best = 0;
        for (int round = 0; round < 3; round++) {
            best = Math.max(best, run(reader(file)::lookup, measured));
        }
        System.out.printf("geo_lookups_reader_cold %.0f%n", best);
        best = 0;
        for (int round = 0; round < 3; round++) {
            best = Math.max(best, run(cached(reader(file)), measured));
        }
        System.out.printf("geo_lookups_cached_cold %.0f%n", best);
        GeoLookupPort cache = cached(reader(file));
        double cold = run(cache, mapBans);
        double warmRate = run(cache, mapBans);
        System.out.printf("geo_map_100k_bans_cold_ms %.1f%n", 100_000 / cold * 1000);
        System.out.printf("geo_map_100k_bans_warm_ms %.1f%n", 100_000 / warmRate * 1000);
    }

    static MmdbGeoLookupAdapter reader(Path file) {
        return new MmdbGeoLookupAdapter(Optional.of(file), Optional.empty(), Duration.ofSeconds(5));
    }

    static GeoLookupPort cached(MmdbGeoLookupAdapter database) {
        return new GeoCacheService(database, Optional.empty(), new NoStore(), Clock.systemUTC(),
                Duration.ofDays(30), 200_000); // the default bangui.geoip.cache-size
    }

    /** Lookups per second over the addresses; counts countries so the work cannot be optimised away. */
    static double run(GeoLookupPort geo, IpAddress[] addresses) {
        long start = System.nanoTime();
        int found = 0;
        for (IpAddress address : addresses) {
            found += geo.lookup(address).country().isPresent() ? 1 : 0;
        }
        long nanos = System.nanoTime() - start;
        if (found < addresses.length / 2) {
            throw new IllegalStateException("only " + found + " addresses resolved");
        }
        return addresses.length / (nanos / 1e9);
    }

    /** Distinct public IPv4 (90 %) and IPv6 in 2000::/4 (10 %) addresses from a fixed seed. */
    static IpAddress[] addresses(int count, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.HashSet<IpAddress> seen = new java.util.HashSet<>();
        IpAddress[] result = new IpAddress[count];
        int i = 0;
        while (i < count) {
            byte[] bytes;
            if (random.nextInt(10) == 0) {
                bytes = new byte[16];
                random.nextBytes(bytes);
                bytes[0] = (byte) (0x20 | (bytes[0] & 0x0F));
                bytes[1] = (byte) (bytes[1] & 0x0F); // dense part of the allocated space
            } else {
                bytes = new byte[4];
                random.nextBytes(bytes);
            }
            IpAddress address = IpAddress.ofBytes(bytes);
            if (!ReservedRanges.isReserved(address) && seen.add(address)) {
                result[i++] = address;
            }
        }
        return result;
    }

    /** The table is not what is measured: the flush job writes it in the background. */
    static final class NoStore implements GeoCachePort {
        public Optional<GeoCacheEntry> find(IpAddress address) {
            return Optional.empty();
        }

        public void saveAll(Collection<GeoCacheEntry> entries) {
        }

        public int deleteResolvedBefore(Instant cutoff) {
            return 0;
        }

        public List<GeoCacheEntry> unresolvedNotFrom(String source, int limit) {
            return List.of();
        }
    }
}
