package org.bangui.application.history;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.ScheduledJob;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.Fail2banBanRow;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.Fail2banDatabasePort;
import org.bangui.domain.history.Fail2banDatabaseUnavailableException;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.SyncMark;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.InvalidInputException;

/**
 * {@code history_sync}: copies new rows of fail2ban's {@code bans} table into the archive in batches, resuming
 * from the persisted mark (see {@link ResumePoint}), then marks archived bans that ended ({@link EndedBans}) and
 * fills in the country of recent entries archived without one ({@link CountryBackfill}); leader only. An unavailable
 * fail2ban database fails the run ({@code history_sync_source_unavailable} in the log) and the next run tries again.
 */
public final class HistorySyncJob extends ScheduledJob {

    /** The mark's source name. */
    public static final String SOURCE = "fail2ban";

    /** How far back entries archived without a country are looked at again, and how many per run. */
    static final Duration COUNTRY_WINDOW = Duration.ofDays(30);
    static final int COUNTRIES_PER_RUN = 1000;

    private static final System.Logger LOG = System.getLogger(HistorySyncJob.class.getName());

    private final Fail2banDatabasePort source;
    private final HistoryArchivePort archive;
    private final GeoLookupPort geo;
    private final Clock clock;
    private final int batchSize;
    private final EndedBans endedBans;
    private final CountryBackfill countryBackfill;

    /**
     * @param batchSize rows copied per transaction
     * @param grace how old an open entry must be before its absence from fail2ban ends it
     */
    public HistorySyncJob(Fail2banDatabasePort source, HistoryArchivePort archive, GeoLookupPort geo, Clock clock,
                          JobSchedule schedule, int batchSize, Duration grace) {
        super("history_sync", schedule, JobScope.LEADER);
        this.source = Objects.requireNonNull(source, "source");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.geo = Objects.requireNonNull(geo, "geo");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
        this.endedBans = new EndedBans(archive, grace, Math.min(batchSize, 500));
        this.countryBackfill = new CountryBackfill(archive, geo, COUNTRY_WINDOW, COUNTRIES_PER_RUN);
    }

    @Override
    public void run(JobContext context) {
        try (Fail2banDatabase db = source.open()) {
            long mark = new ResumePoint(archive, batchSize).find(db, archive.mark(SOURCE));
            int copied = 0;
            boolean complete = false;
            long[] nanos = new long[4]; // read, records (geo), archive (incl. the mark), ended checks
            while (context.stillLeader()) {
                long start = System.nanoTime();
                List<Fail2banBanRow> rows = db.bansAfter(mark, batchSize);
                long read = System.nanoTime();
                nanos[0] += read - start;
                if (rows.isEmpty()) {
                    complete = true;
                    break;
                }
                List<BanRecord> records = records(rows);
                long built = System.nanoTime();
                nanos[1] += built - read;
                copied += archive.archive(records, clock.instant());
                Fail2banBanRow last = rows.get(rows.size() - 1);
                archive.saveMark(SOURCE, SyncMark.of(last));
                mark = last.rowid();
                nanos[2] += System.nanoTime() - built;
            }
            long checking = System.nanoTime();
            int ended = complete ? endedBans.check(db, clock.instant(), context::stillLeader) : 0;
            nanos[3] = System.nanoTime() - checking;
            int countries = complete && context.stillLeader() ? countryBackfill.run(clock.instant()) : 0;
            String summary = "copied=" + copied + " ended=" + ended + " mark=" + mark
                    + (countries > 0 ? " countries=" + countries : "") + (complete ? "" : " stopped=1");
            LOG.log(System.Logger.Level.INFO, "history_sync_finished " + summary + " read_ms=" + millis(nanos[0])
                    + " records_ms=" + millis(nanos[1]) + " write_ms=" + millis(nanos[2])
                    + " ended_ms=" + millis(nanos[3]));
            context.detail(summary);
        } catch (Fail2banDatabaseUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "history_sync_source_unavailable reason=" + e.reason());
            throw e;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private List<BanRecord> records(List<Fail2banBanRow> rows) {
        List<BanRecord> records = new ArrayList<>(rows.size());
        for (Fail2banBanRow row : rows) {
            records.add(new BanRecord(row.jail(), row.ip(), row.timeOfBan(),
                    banSeconds(row.banSeconds()), Math.max(1, row.banCount()),
                    Math.max(0, row.failures()), row.matches(), country(row.ip()), BanOrigin.FAIL2BAN));
        }
        return records;
    }

    /** fail2ban's ban time: -1 permanent, -2 unknown (rows from before fail2ban 0.11). */
    private static Optional<Long> banSeconds(long seconds) {
        return seconds < -1 ? Optional.empty() : Optional.of(seconds);
    }

    /** The country of a single address; none for a network or a ban id that is not an address. */
    private Optional<String> country(String ip) {
        IpAddress address;
        try {
            address = IpAddress.parse(ip);
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
        return geo.lookup(address).country();
    }
}
