package org.bangui.application.blocklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bangui.application.ban.BanObserver;
import org.bangui.application.job.JobContext;
import org.bangui.application.job.JobSchedule;
import org.bangui.application.job.JobScope;
import org.bangui.application.job.RunRecording;
import org.bangui.application.job.ScheduledJob;
import org.bangui.domain.blocklist.BlocklistImport;
import org.bangui.domain.blocklist.BlocklistImportPort;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistSourcePort;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.CronPort;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.ImportRunningException;
import org.bangui.domain.blocklist.ImportStatus;
import org.bangui.domain.history.BanOrigin;

/**
 * {@code blocklist_import}: on the scheduler's leader, every few seconds, runs what is due, one import at a
 * time: first claimed imports still recorded as running are marked {@code interrupted} (none can be going when a
 * run starts: they belong to a dead or deposed instance, or to a run that could not record its end) and their
 * sources made due again (the resume), then the imports asked for through the API, then the releases of deleted
 * sources, then the sources whose schedule came due (persisted, so a new leader catches up on what came due
 * meanwhile). Each source is handled at most once per run; an import stops between two batches when the service
 * shuts down or loses the lock.
 */
public final class BlocklistImportJob extends ScheduledJob {

    /** The job's name. */
    public static final String NAME = "blocklist_import";
    private static final System.Logger LOG = System.getLogger(BlocklistImportJob.class.getName());

    private final BlocklistSourcePort sources;
    private final BlocklistImportPort log;
    private final BlocklistImporter importer;
    private final CronPort cron;
    private final Clock clock;
    private final Supplier<String> instance;
    private final BlocklistImportObserver imports;
    private final BanObserver bans;

    /**
     * A job that tells nobody about its imports.
     *
     * @param instance this instance's id, as the scheduler lock knows it
     */
    public BlocklistImportJob(BlocklistSourcePort sources, BlocklistImportPort log, BlocklistImporter importer,
                              CronPort cron, Clock clock, Supplier<String> instance, JobSchedule schedule) {
        this(sources, log, importer, cron, clock, instance, schedule, BlocklistImportObserver.NONE, BanObserver.NONE);
    }

    /**
     * @param instance this instance's id, as the scheduler lock knows it
     * @param imports told about every import that ended
     * @param bans told about the entries each import banned and unbanned, as {@link BanOrigin#BLOCKLIST} ones
     */
    public BlocklistImportJob(BlocklistSourcePort sources, BlocklistImportPort log, BlocklistImporter importer,
                              CronPort cron, Clock clock, Supplier<String> instance, JobSchedule schedule,
                              BlocklistImportObserver imports, BanObserver bans) {
        super(NAME, schedule, JobScope.LEADER);
        this.imports = Objects.requireNonNull(imports, "imports");
        this.bans = Objects.requireNonNull(bans, "bans");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.log = Objects.requireNonNull(log, "log");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.cron = Objects.requireNonNull(cron, "cron");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    @Override
    public RunRecording recording() {
        return RunRecording.UNSUCCESSFUL; // it runs every few seconds; the import log records every import
    }

    @Override
    public void run(JobContext context) {
        String me = instance.get();
        Instant now = clock.instant();
        for (long sourceId : log.interruptClaimed(now)) {
            sources.find(sourceId).ifPresent(s -> sources.scheduled(s, Optional.of(now), CacheValidators.NONE,
                    Optional.empty()));
            LOG.log(System.Logger.Level.INFO, "blocklist_import_resumed source=" + sourceId);
        }
        Set<Long> done = new HashSet<>();
        int runs = 0;
        boolean worked = true;
        while (worked && context.stillLeader()) {
            worked = false;
            for (BlocklistImport asked : log.unclaimed()) {
                if (!context.stillLeader() || !log.claim(asked.id(), me)) {
                    continue;
                }
                done.add(asked.sourceId());
                execute(asked, context);
                runs++;
                worked = true;
            }
            for (BlocklistSource deleted : sources.deleted()) {
                if (context.stillLeader() && done.add(deleted.id())) {
                    start(deleted, "delete", me).ifPresent(run -> release(deleted, run, context));
                    runs++;
                    worked = true;
                }
            }
            for (BlocklistSource due : sources.due(clock.instant())) {
                if (context.stillLeader() && done.add(due.id())) {
                    String trigger = log.latest(due.id(), ImportStatus.INTERRUPTED)
                            .filter(i -> log.latest(due.id(), ImportStatus.SUCCEEDED)
                                    .map(s -> s.id() < i.id()).orElse(true))
                            .isPresent() ? "resume" : "schedule";
                    start(due, trigger, me).ifPresent(run -> importList(due, run, context));
                    runs++;
                    worked = true;
                }
            }
        }
        context.detail("imports=" + runs);
    }

    private Optional<BlocklistImport> start(BlocklistSource source, String trigger, String me) {
        try {
            return Optional.of(log.start(source, trigger, Optional.of(me), clock.instant()));
        } catch (ImportRunningException asked) {
            return Optional.empty(); // an import asked for through the API came first: the next pass claims it
        }
    }

    /** Runs an import asked for through the API: an import, or the release of a deleted source. */
    private void execute(BlocklistImport asked, JobContext context) {
        Optional<BlocklistSource> live = sources.find(asked.sourceId());
        if (live.isPresent() && asked.trigger().equals("delete")) {
            // the delete request failed after it took the import slot: the source stays
            log.finish(asked.id(), ImportStatus.FAILED, clock.instant(), ImportCounts.NONE, false, List.of(),
                    Optional.of("blocklist_store_failed: the blocklist could not be deleted"));
            imports.finished(ImportStatus.FAILED, 0, 0);
            return;
        }
        if (live.isPresent()) {
            importList(live.get(), asked, context);
            return;
        }
        Optional<BlocklistSource> deleted = sources.deleted().stream().filter(s -> s.id() == asked.sourceId())
                .findFirst();
        if (deleted.isPresent()) {
            release(deleted.get(), asked, context);
        } else {
            log.finish(asked.id(), ImportStatus.FAILED, clock.instant(), ImportCounts.NONE, false, List.of(),
                    Optional.of("unknown_blocklist: the blocklist no longer exists"));
            imports.finished(ImportStatus.FAILED, 0, 0);
        }
    }

    private void importList(BlocklistSource source, BlocklistImport run, JobContext context) {
        started(source, run);
        // cleared for the time of the import: one cut short must be followed by a full download and diff
        sources.scheduled(source, source.nextImportAt(), CacheValidators.NONE, Optional.empty());
        Figures figures = new Figures();
        ImportOutcome outcome;
        try {
            outcome = importer.run(source,
                    log.latest(source.id(), ImportStatus.SUCCEEDED).map(BlocklistImport::counts), figures,
                    f -> log.progress(run.id(), f.counts(), f.notModified, f.samples), context::stillLeader);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "blocklist_import_crashed source=" + source.id(), unexpected);
            outcome = ImportOutcome.ended(figures.banned + figures.unbanned > 0 ? ImportStatus.PARTIAL
                    : ImportStatus.FAILED, "unexpected failure; see the log (blocklist_import_crashed)");
        }
        Instant end = clock.instant();
        Optional<Instant> next = outcome.status() == ImportStatus.INTERRUPTED ? Optional.of(end)
                : Optional.of(nextAfter(source, run.startedAt(), end));
        // recorded only if the source was not changed meanwhile (then it is due as the change said)
        if (outcome.status() == ImportStatus.SUCCEEDED) {
            sources.scheduled(source, next, outcome.validators(), outcome.fingerprint());
        } else if (outcome.status() == ImportStatus.FAILED && !figures.applying) {
            // nothing was sent: what the last import applied still stands
            sources.scheduled(source, next, source.validators(), source.fingerprint());
        } else {
            sources.scheduled(source, next, CacheValidators.NONE, Optional.empty());
        }
        finished(source, run, outcome, figures, end);
    }

    private void release(BlocklistSource source, BlocklistImport run, JobContext context) {
        started(source, run);
        Figures figures = new Figures();
        ImportOutcome outcome;
        try {
            outcome = importer.release(source, figures,
                    f -> log.progress(run.id(), f.counts(), false, f.samples), context::stillLeader);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "blocklist_release_crashed source=" + source.id(), unexpected);
            outcome = ImportOutcome.ended(figures.unbanned > 0 ? ImportStatus.PARTIAL : ImportStatus.FAILED,
                    "unexpected failure; see the log (blocklist_release_crashed)");
        }
        Instant end = clock.instant();
        if (outcome.status() == ImportStatus.SUCCEEDED) {
            sources.remove(source.id());
        }
        finished(source, run, outcome, figures, end);
    }

    private Instant nextAfter(BlocklistSource source, Instant started, Instant end) {
        Instant next = source.settings().schedule().next(started, cron);
        return next.isAfter(end) ? next : source.settings().schedule().next(end, cron);
    }

    private static void started(BlocklistSource source, BlocklistImport run) {
        LOG.log(System.Logger.Level.INFO, "blocklist_import_started source=" + source.id() + " import=" + run.id()
                + " trigger=" + run.trigger() + " jail=" + source.jail().value());
    }

    private void finished(BlocklistSource source, BlocklistImport run, ImportOutcome outcome, Figures figures,
                          Instant end) {
        log.finish(run.id(), outcome.status(), end, figures.counts(), figures.notModified, figures.samples,
                outcome.error());
        imports.finished(outcome.status(), figures.banned, figures.unbanned);
        if (figures.banned > 0) {
            bans.banned(BanOrigin.BLOCKLIST, figures.banned);
        }
        if (figures.unbanned > 0) {
            bans.unbanned(BanOrigin.BLOCKLIST, figures.unbanned);
        }
        LOG.log(outcome.status() == ImportStatus.SUCCEEDED ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "blocklist_import_finished source=" + source.id() + " import=" + run.id() + " status="
                        + outcome.status().code() + " " + figures.summary() + " ms="
                        + Duration.between(run.startedAt(), end).toMillis());
    }
}
