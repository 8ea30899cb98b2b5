package org.bangui.application.geo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.domain.geo.GeoCacheEntry;
import org.bangui.domain.geo.GeoCacheException;
import org.bangui.domain.geo.GeoCachePort;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.geo.GeoSourcePort;
import org.bangui.domain.geo.ReservedRanges;
import org.bangui.domain.net.IpAddress;

/**
 * The {@link GeoLookupPort} every caller shares. An address is looked up in a bounded memory cache, then in the
 * database file; only when the file does not know it, in the durable cache table (answers of earlier files and
 * of the HTTP service) and, if one is configured, the HTTP service. New answers are queued for
 * {@code geo_cache_flush}. When the database file changes, the memory cache starts afresh.
 */
public final class GeoCacheService implements GeoLookupPort {

    private static final System.Logger LOG = System.getLogger(GeoCacheService.class.getName());

    private final GeoSourcePort database;
    private final Optional<GeoSourcePort> fallback;
    private final GeoCachePort store;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final ConcurrentLinkedQueue<GeoCacheEntry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private volatile Generations memory;
    private volatile String seenVersion = "";

    /**
     * @param database the geo-IP database file
     * @param fallback the HTTP lookup service, asked only for addresses the file does not know
     * @param store the durable cache table
     * @param maxAge how long a stored answer is trusted
     * @param maxEntries how many answers the memory cache holds, at most (and how many wait for the flush)
     */
    public GeoCacheService(GeoSourcePort database, Optional<GeoSourcePort> fallback, GeoCachePort store,
                           Clock clock, Duration maxAge, int maxEntries) {
        this.database = Objects.requireNonNull(database, "database");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (maxEntries < 2) {
            throw new IllegalArgumentException("the geo cache needs room for at least 2 entries");
        }
        this.maxEntries = maxEntries;
        this.memory = new Generations(maxEntries / 2);
    }

    @Override
    public GeoInfo lookup(IpAddress address) {
        if (ReservedRanges.isReserved(address)) {
            return GeoInfo.UNKNOWN;
        }
        String version = database.version();
        Generations cache = memory;
        if (!version.equals(seenVersion)) {
            cache = new Generations(maxEntries / 2);
            memory = cache;
            seenVersion = version;
        }
        GeoInfo known = cache.get(address);
        if (known != null) {
            return known;
        }
        GeoInfo info = resolve(address, version);
        cache.put(address, info);
        return info;
    }

    private GeoInfo resolve(IpAddress address, String version) {
        GeoInfo info = database.lookup(address);
        if (info.country().isEmpty()) {
            // the file does not know it: an earlier answer (an older file, the HTTP service) may
            Optional<GeoCacheEntry> stored = find(address);
            if (stored.isPresent() && stored.get().resolved()
                    && stored.get().resolvedAt().isAfter(clock.instant().minus(maxAge))) {
                return stored.get().info();
            }
        }
        GeoCacheEntry entry = info.country().isPresent() ? new GeoCacheEntry(address, info, version, clock.instant())
                : fromFallback(address, info, version);
        offer(entry);
        return entry.info();
    }

    /** A fresh answer from the sources, bypassing both caches: for {@code geo_re_resolve}. */
    GeoCacheEntry fresh(IpAddress address) {
        String version = database.version();
        GeoInfo info = database.lookup(address);
        return info.country().isPresent() ? new GeoCacheEntry(address, info, version, clock.instant())
                : fromFallback(address, info, version);
    }

    private GeoCacheEntry fromFallback(IpAddress address, GeoInfo info, String version) {
        if (fallback.isPresent() && !ReservedRanges.isReserved(address)) {
            GeoInfo remote = fallback.get().lookup(address);
            if (remote.country().isPresent()) {
                return new GeoCacheEntry(address, remote, fallback.get().version(), clock.instant());
            }
        }
        return new GeoCacheEntry(address, info, version, clock.instant());
    }

    /**
     * Takes up to {@code max} queued answers for the flush; a failed write gives them back with
     * {@link #requeue}.
     */
    public List<GeoCacheEntry> drainPending(int max) {
        List<GeoCacheEntry> batch = new ArrayList<>(Math.min(max, 1024));
        GeoCacheEntry entry;
        while (batch.size() < max && (entry = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            batch.add(entry);
        }
        return batch;
    }

    /** Puts answers back in the queue after a failed write (dropping them if the queue is full). */
    public void requeue(List<GeoCacheEntry> entries) {
        entries.forEach(e -> offer(e));
    }

    /** The durable cache table. */
    GeoCachePort store() {
        return store;
    }

    /** The current version label of the database file. */
    String databaseVersion() {
        return database.version();
    }

    /** Whether a re-resolve can find anything: a loaded file or an HTTP service. */
    boolean canResolve() {
        return !"none".equals(database.version()) || fallback.isPresent();
    }

    /** How long stored answers are trusted. */
    Duration maxAge() {
        return maxAge;
    }

    /** Forgets one address's memory-cached answer. */
    void forget(IpAddress address) {
        memory.remove(address);
    }

    Clock clock() {
        return clock;
    }

    private Optional<GeoCacheEntry> find(IpAddress address) {
        try {
            return store.find(address);
        } catch (GeoCacheException e) {
            LOG.log(System.Logger.Level.WARNING, "geo_cache_read_failed code=" + e.code());
            return Optional.empty();
        }
    }

    private void offer(GeoCacheEntry entry) {
        if (pendingCount.incrementAndGet() > maxEntries) {
            pendingCount.decrementAndGet(); // the flush is behind: the answer stays in memory only
            return;
        }
        pending.add(entry);
    }

    /**
     * A bounded map in two generations: when the young one is full it becomes the old one and the previous old
     * one is dropped; a hit in the old generation moves back to the young one.
     */
    private static final class Generations {

        private final int half;
        private volatile ConcurrentHashMap<IpAddress, GeoInfo> young = new ConcurrentHashMap<>();
        private volatile ConcurrentHashMap<IpAddress, GeoInfo> old = new ConcurrentHashMap<>();

        Generations(int half) {
            this.half = Math.max(1, half);
        }

        GeoInfo get(IpAddress address) {
            GeoInfo info = young.get(address);
            if (info == null) {
                info = old.get(address);
                if (info != null) {
                    put(address, info);
                }
            }
            return info;
        }

        void put(IpAddress address, GeoInfo info) {
            ConcurrentHashMap<IpAddress, GeoInfo> current = young;
            current.put(address, info);
            if (current.size() >= half) {
                synchronized (this) {
                    if (young == current) {
                        old = current;
                        young = new ConcurrentHashMap<>();
                    }
                }
            }
        }

        void remove(IpAddress address) {
            young.remove(address);
            old.remove(address);
        }
    }
}
