package org.bangui.adapters.fail2ban.config;

import java.nio.file.Path;
import java.util.Arrays;
import org.bangui.domain.config.ConfigSnapshot;

/**
 * Benchmark (not a test): reads a config dir, the first read in this JVM (cold), then 30 reads to warm up and
 * 50 measured reads (warm, p50). Every read builds every jail's effective view, every filter and every action.
 * Prints {@code config_parse_cold_ms} and {@code config_parse_warm_p50_ms}. Run by scripts/bench/config-parse.sh.
 */
public final class ConfigReaderBenchmark {

    private ConfigReaderBenchmark() {
    }

    public static void main(String[] args) {
        Fail2banConfigReaderAdapter reader = new Fail2banConfigReaderAdapter(
                Path.of(args.length > 0 ? args[0] : "/etc/fail2ban"));
        long start = System.nanoTime();
        ConfigSnapshot first = reader.read();
        double cold = (System.nanoTime() - start) / 1e6;
        long sink = first.jails().size();
        for (int i = 0; i < 30; i++) {
            sink += reader.read().jails().size();
        }
        double[] warm = new double[50];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            sink += reader.read().jails().size();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("config_parse_jails %d%n", first.jails().size());
        System.out.printf("config_parse_cold_ms %.1f%n", cold);
        System.out.printf("config_parse_warm_p50_ms %.2f%n", warm[warm.length / 2]);
        System.out.printf("config_parse_sink %d%n", sink);
    }
}
