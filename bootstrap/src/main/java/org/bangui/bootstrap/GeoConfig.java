package org.bangui.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bangui.application.job.JobSchedule;

/**
 * The {@code bangui.geoip.*} settings, parsed.
 *
 * @param databaseFile the country {@code .mmdb} file; empty when switched off ({@code off})
 * @param asnFile the optional ASN {@code .mmdb} file
 * @param checkInterval how often, at most, the files are checked for a change
 * @param cacheSize how many answers the memory cache holds
 * @param cacheMaxAge how long a stored answer is trusted (geo_cache_cleanup deletes older ones)
 * @param httpUrl the HTTP lookup service's URL template with {@code {ip}}; empty (the default) keeps every
 *                address on this host
 * @param httpTimeout connect and response timeout of the HTTP lookup
 * @param flush when geo_cache_flush runs
 * @param cleanup when geo_cache_cleanup runs
 * @param reResolve when geo_re_resolve runs
 */
record GeoConfig(Optional<Path> databaseFile, Optional<Path> asnFile, Duration checkInterval, int cacheSize,
                 Duration cacheMaxAge, Optional<String> httpUrl, Duration httpTimeout, JobSchedule flush,
                 JobSchedule cleanup, JobSchedule reResolve) {

    /** The raw values, as bound from {@code bangui.geoip.*}. */
    record Raw(String databasePath, String dbPath, String asnDbPath, String checkInterval, String cacheSize,
               String cacheMaxAge, String httpUrl, String httpTimeout, String flushInterval,
               String cleanupInterval, String reResolveInterval) {
    }

    /**
     * Parses the settings; the default database file is {@code geoip/country.mmdb} beside the SQLite database.
     *
     * @throws IllegalArgumentException naming the setting if a value is malformed
     */
    static GeoConfig from(Raw raw) {
        Optional<Path> database;
        String db = raw.dbPath() == null ? "" : raw.dbPath().trim();
        if ("off".equals(db)) {
            database = Optional.empty();
        } else if (db.isEmpty()) {
            database = Optional.of(Path.of(raw.databasePath()).toAbsolutePath().getParent()
                    .resolve("geoip").resolve("country.mmdb"));
        } else {
            database = Optional.of(Path.of(db));
        }
        String asn = raw.asnDbPath() == null ? "" : raw.asnDbPath().trim();
        return new GeoConfig(database, asn.isEmpty() ? Optional.empty() : Optional.of(Path.of(asn)),
                SettingValues.duration("bangui.geoip.check-interval", raw.checkInterval()),
                positive("bangui.geoip.cache-size", raw.cacheSize()),
                SettingValues.duration("bangui.geoip.cache-max-age", raw.cacheMaxAge()),
                httpUrl(raw.httpUrl()),
                SettingValues.duration("bangui.geoip.http-timeout", raw.httpTimeout()),
                JobSchedules.parse("bangui.geoip.flush-interval", raw.flushInterval()),
                JobSchedules.parse("bangui.geoip.cleanup-interval", raw.cleanupInterval()),
                JobSchedules.parse("bangui.geoip.re-resolve-interval", raw.reResolveInterval()));
    }

    private static Optional<String> httpUrl(String value) {
        String url = value == null ? "" : value.trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean valid = (lower.startsWith("https://") || lower.startsWith("http://")) && url.contains("{ip}");
        if (valid) {
            try {
                valid = URI.create(url.replace("{ip}", "192.0.2.1")).getHost() != null;
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid) {
            // the value itself may carry an API key: name the setting, not the value
            throw new IllegalArgumentException("bangui.geoip.http-url: not an http(s) URL template with {ip}");
        }
        return Optional.of(url);
    }

    private static int positive(String setting, String value) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.trim());
            if (parsed >= 2 && parsed <= 10_000_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(setting + ": '" + value + "' is not a number from 2 to 10000000");
    }
}
