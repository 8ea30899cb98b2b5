package org.bangui.adapters.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.adapters.geoip.testing.TestDatabase;
import org.bangui.domain.geo.ReservedRanges;
import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * The adapter agrees with libmaxminddb's {@code mmdblookup} (Debian's mmdb-bin) on 1,000 addresses of the real
 * ip-location-db country file: every n-th network of the file, 500 IPv4 and 500 IPv6, alternately its first and
 * its last address.
 */
class GeoDatabaseAgreementIT {

    private static final Pattern VALUE = Pattern.compile("\"([^\"]*)\" <utf8_string>");
    private static final int PER_FAMILY = 500;

    @Test
    void lookupsAgreeWithMmdblookupOnAThousandSampledAddresses() throws Exception {
        Path file = TestDatabase.countryFile();
        List<InetAddress> sample = sample(file);
        assertThat(sample).hasSize(2 * PER_FAMILY);
        MmdbGeoLookupAdapter adapter = new MmdbGeoLookupAdapter(Optional.of(file), Optional.empty(),
                Duration.ofMinutes(1));
        int known = 0;
        int reserved = 0;
        List<String> disagreements = new ArrayList<>();
        for (InetAddress address : sample) {
            IpAddress ip = IpAddress.ofBytes(address.getAddress());
            Optional<String> ours = adapter.lookup(ip).country();
            Optional<String> theirs = mmdblookup(file, ip.text());
            if (ReservedRanges.isReserved(ip)) {
                reserved++;
                if (ours.isPresent()) {
                    disagreements.add(ip.text() + ": reserved but answered " + ours.get());
                }
                continue;
            }
            known += theirs.isPresent() ? 1 : 0;
            if (!ours.equals(theirs)) {
                disagreements.add(ip.text() + ": ours " + ours + ", mmdblookup " + theirs);
            }
        }
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "geoip_agreement sampled="
                + sample.size() + " with_country=" + known + " reserved=" + reserved);
        assertThat(disagreements).isEmpty();
        assertThat(known).as("the sample is mostly addresses with a country").isGreaterThan(900);
    }

    /** Every n-th network of each family, deterministically. */
    private static List<InetAddress> sample(Path file) throws Exception {
        List<DatabaseRecord<Map>> v4 = new ArrayList<>();
        List<DatabaseRecord<Map>> v6 = new ArrayList<>();
        try (Reader reader = new Reader(file.toFile())) {
            Networks<Map> networks = reader.networks(Map.class);
            while (networks.hasNext()) {
                DatabaseRecord<Map> record = networks.next();
                (record.network().networkAddress() instanceof Inet4Address ? v4 : v6).add(record);
            }
        }
        List<InetAddress> sample = new ArrayList<>();
        pick(v4, sample);
        pick(v6, sample);
        return sample;
    }

    private static void pick(List<DatabaseRecord<Map>> networks, List<InetAddress> sample) throws IOException {
        int stride = networks.size() / PER_FAMILY;
        for (int i = 0; i < PER_FAMILY; i++) {
            var network = networks.get(i * stride).network();
            byte[] first = network.networkAddress().getAddress();
            if (i % 2 == 0) {
                sample.add(InetAddress.getByAddress(first));
            } else {
                int bits = first.length * 8;
                BigInteger last = new BigInteger(1, first).or(BigInteger.ONE.shiftLeft(bits - network.prefixLength())
                        .subtract(BigInteger.ONE));
                byte[] raw = last.toByteArray();
                byte[] bytes = new byte[first.length];
                System.arraycopy(raw, Math.max(0, raw.length - bytes.length), bytes,
                        Math.max(0, bytes.length - raw.length), Math.min(raw.length, bytes.length));
                sample.add(InetAddress.getByAddress(bytes));
            }
        }
    }

    private static Optional<String> mmdblookup(Path file, String ip) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mmdblookup", "--file", file.toString(), "--ip", ip, "country_code")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher m = VALUE.matcher(out);
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
