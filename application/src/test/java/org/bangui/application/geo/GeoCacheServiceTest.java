package org.bangui.application.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.domain.geo.GeoCacheEntry;
import org.bangui.domain.geo.GeoCacheException;
import org.bangui.domain.geo.GeoCachePort;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoSourcePort;
import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.Test;

class GeoCacheServiceTest {

    private static final IpAddress GOOGLE = IpAddress.parse("8.8.8.8");
    private static final IpAddress OTHER = IpAddress.parse("9.9.9.9");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final JobSchedule EVERY_MINUTE = JobSchedule.every(Duration.ofMinutes(1), false);

    private final FakeSource database = new FakeSource("db@1");
    private final FakeSource http = new FakeSource("http");
    private final FakeStore store = new FakeStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private GeoCacheService cache(Optional<GeoSourcePort> fallback) {
        return new GeoCacheService(database, fallback, store, clock, Duration.ofDays(30), 1000);
    }

    private static GeoInfo country(String code) {
        return new GeoInfo(Optional.of(code), Optional.empty(), Optional.empty());
    }

    @Test
    void asksTheDatabaseOncePerAddressAndQueuesTheAnswerForTheFlush() throws Exception {
        database.answers.put(GOOGLE, country("US"));
        GeoCacheService cache = cache(Optional.empty());

        assertThat(cache.lookup(GOOGLE)).isEqualTo(country("US"));
        assertThat(cache.lookup(GOOGLE)).isEqualTo(country("US"));
        assertThat(database.asked).isEqualTo(1);

        RecordingContext context = new RecordingContext();
        new GeoCacheFlushJob(cache, EVERY_MINUTE).run(context);
        assertThat(context.detail).isEqualTo("written=1");
        assertThat(store.rows.get(GOOGLE)).isEqualTo(new GeoCacheEntry(GOOGLE, country("US"), "db@1", NOW));
    }

    @Test
    void reservedAddressesAreNeitherLookedUpNorStored() {
        GeoCacheService cache = cache(Optional.of(http));
        assertThat(cache.lookup(IpAddress.parse("192.168.1.1"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(cache.lookup(IpAddress.parse("2001:db8::1"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(database.asked + http.asked).isZero();
        assertThat(cache.drainPending(10)).isEmpty();
    }

    @Test
    void aNewDatabaseVersionStartsTheMemoryCacheAfresh() {
        database.answers.put(GOOGLE, country("US"));
        GeoCacheService cache = cache(Optional.empty());
        cache.lookup(GOOGLE);
        database.answers.put(GOOGLE, country("CA"));
        database.version = "db@2";
        assertThat(cache.lookup(GOOGLE)).isEqualTo(country("CA"));
    }

    @Test
    void theHttpServiceIsAskedOnlyForAddressesTheDatabaseDoesNotKnow() {
        database.answers.put(GOOGLE, country("US"));
        http.answers.put(OTHER, country("CH"));
        GeoCacheService cache = cache(Optional.of(http));

        assertThat(cache.lookup(GOOGLE)).isEqualTo(country("US"));
        assertThat(cache.lookup(OTHER)).isEqualTo(country("CH"));
        assertThat(http.asked).isEqualTo(1);
        assertThat(cache.drainPending(10)).extracting(GeoCacheEntry::source).containsExactly("db@1", "http");
    }

    @Test
    void aStoredAnswerIsUsedWhenTheDatabaseDoesNotKnowTheAddressAndTheHttpServiceIsNotAskedAgain() {
        store.rows.put(OTHER, new GeoCacheEntry(OTHER, country("CH"), "http", NOW.minus(Duration.ofDays(1))));
        GeoCacheService cache = cache(Optional.of(http));
        assertThat(cache.lookup(OTHER)).isEqualTo(country("CH"));
        assertThat(http.asked).isZero();
    }

    @Test
    void aStaleStoredAnswerIsAskedForAgain() {
        store.rows.put(OTHER, new GeoCacheEntry(OTHER, country("CH"), "http", NOW.minus(Duration.ofDays(31))));
        http.answers.put(OTHER, country("LI"));
        assertThat(cache(Optional.of(http)).lookup(OTHER)).isEqualTo(country("LI"));
    }

    @Test
    void anUnreadableStoreStillAnswersFromTheSources() {
        store.broken = true;
        http.answers.put(OTHER, country("CH"));
        assertThat(cache(Optional.of(http)).lookup(OTHER)).isEqualTo(country("CH"));
    }

    @Test
    void aFailedFlushKeepsTheAnswersForTheNextRun() throws Exception {
        database.answers.put(GOOGLE, country("US"));
        GeoCacheService cache = cache(Optional.empty());
        cache.lookup(GOOGLE);
        store.broken = true;
        assertThatThrownBy(() -> new GeoCacheFlushJob(cache, EVERY_MINUTE).run(new RecordingContext()))
                .isInstanceOf(GeoCacheException.class);
        store.broken = false;
        RecordingContext context = new RecordingContext();
        new GeoCacheFlushJob(cache, EVERY_MINUTE).run(context);
        assertThat(context.detail).isEqualTo("written=1");
    }

    @Test
    void reResolveRetriesUnresolvedEntriesOfOlderDatabasesOnly() throws Exception {
        IpAddress third = IpAddress.parse("1.1.1.1");
        store.rows.put(GOOGLE, new GeoCacheEntry(GOOGLE, GeoInfo.UNKNOWN, "db@0", NOW.minusSeconds(60)));
        store.rows.put(OTHER, new GeoCacheEntry(OTHER, GeoInfo.UNKNOWN, "db@1", NOW.minusSeconds(60)));
        store.rows.put(third, new GeoCacheEntry(third, GeoInfo.UNKNOWN, "db@0", NOW.minusSeconds(30)));
        database.answers.put(GOOGLE, country("US"));
        GeoCacheService cache = cache(Optional.empty());

        RecordingContext context = new RecordingContext();
        new GeoReResolveJob(cache, EVERY_MINUTE).run(context);

        assertThat(context.detail).isEqualTo("retried=2 resolved=1");
        assertThat(store.rows.get(GOOGLE).info()).isEqualTo(country("US"));
        assertThat(store.rows.get(third).source()).as("not retried again for this file").isEqualTo("db@1");
        assertThat(database.asked).isEqualTo(2);
    }

    @Test
    void reResolveDoesNothingWithoutADatabase() throws Exception {
        database.version = "none";
        store.rows.put(GOOGLE, new GeoCacheEntry(GOOGLE, GeoInfo.UNKNOWN, "db@0", NOW));
        RecordingContext context = new RecordingContext();
        new GeoReResolveJob(cache(Optional.empty()), EVERY_MINUTE).run(context);
        assertThat(context.detail).isEqualTo("retried=0 resolved=0 skipped=no_database");
    }

    @Test
    void cleanupDeletesEntriesOlderThanTheMaximumAge() throws Exception {
        store.rows.put(GOOGLE, new GeoCacheEntry(GOOGLE, country("US"), "db@1", NOW.minus(Duration.ofDays(31))));
        store.rows.put(OTHER, new GeoCacheEntry(OTHER, country("CH"), "db@1", NOW.minus(Duration.ofDays(29))));
        RecordingContext context = new RecordingContext();
        new GeoCacheCleanupJob(cache(Optional.empty()), EVERY_MINUTE).run(context);
        assertThat(context.detail).isEqualTo("deleted=1");
        assertThat(store.rows).containsOnlyKeys(OTHER);
    }

    @Test
    void theMemoryCacheIsBounded() {
        GeoCacheService cache = new GeoCacheService(database, Optional.empty(), store, clock, Duration.ofDays(1), 10);
        for (int i = 1; i <= 50; i++) {
            cache.lookup(IpAddress.parse("8.8.8." + i));
        }
        database.asked = 0;
        cache.lookup(IpAddress.parse("8.8.8.1"));
        assertThat(database.asked).as("the oldest answers were dropped").isEqualTo(1);
        assertThat(cache.drainPending(1000)).as("the flush queue is bounded too").hasSize(10);
    }

    private static final class FakeSource implements GeoSourcePort {
        final Map<IpAddress, GeoInfo> answers = new HashMap<>();
        String version;
        int asked;

        FakeSource(String version) {
            this.version = version;
        }

        @Override
        public GeoInfo lookup(IpAddress address) {
            asked++;
            return answers.getOrDefault(address, GeoInfo.UNKNOWN);
        }

        @Override
        public String version() {
            return version;
        }
    }

    private static final class FakeStore implements GeoCachePort {
        final Map<IpAddress, GeoCacheEntry> rows = new HashMap<>();
        boolean broken;

        private void check() {
            if (broken) {
                throw new GeoCacheException("broken", null);
            }
        }

        @Override
        public Optional<GeoCacheEntry> find(IpAddress address) {
            check();
            return Optional.ofNullable(rows.get(address));
        }

        @Override
        public void saveAll(Collection<GeoCacheEntry> entries) {
            check();
            entries.forEach(e -> rows.put(e.address(), e));
        }

        @Override
        public int deleteResolvedBefore(Instant cutoff) {
            check();
            List<IpAddress> old = rows.values().stream().filter(e -> e.resolvedAt().isBefore(cutoff))
                    .map(GeoCacheEntry::address).toList();
            old.forEach(rows::remove);
            return old.size();
        }

        @Override
        public List<GeoCacheEntry> unresolvedNotFrom(String source, int limit) {
            check();
            List<GeoCacheEntry> found = new ArrayList<>(rows.values().stream()
                    .filter(e -> !e.resolved() && !e.source().equals(source)).toList());
            found.sort(Comparator.comparing(GeoCacheEntry::resolvedAt));
            return found.subList(0, Math.min(limit, found.size()));
        }
    }

    private static final class RecordingContext implements JobContext {
        String detail;

        @Override
        public boolean stillLeader() {
            return true;
        }

        @Override
        public void detail(String detail) {
            this.detail = detail;
        }
    }
}
