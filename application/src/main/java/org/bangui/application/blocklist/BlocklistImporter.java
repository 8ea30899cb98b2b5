package org.bangui.application.blocklist;

import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bangui.application.ban.BanService;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.blocklist.BlocklistDownloadException;
import org.bangui.domain.blocklist.BlocklistDownloadPort;
import org.bangui.domain.blocklist.BlocklistParser;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistStatePort;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.Download;
import org.bangui.domain.blocklist.EntrySet;
import org.bangui.domain.blocklist.EntryState;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.ImportStatus;
import org.bangui.domain.blocklist.ListRefusedException;
import org.bangui.domain.blocklist.ParsedList;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.DomainException;

/**
 * One import of a source into its jail, as an exact mirror: download (conditionally), parse, take out what may
 * not be banned, diff against what the source holds (the state store), then apply in batches. Every batch
 * writes its pending state before the command and its final state after it, so an import cut short (crash,
 * shutdown, fail2ban gone) is finished by the next one: pending bans are sent again, pending unbans too.
 *
 * <p>An entry is unbanned only if this source banned it (or inherited it from another source that did) and no
 * other source holds it in the jail; an entry that was banned already when the list named it (log lines, a
 * manual ban) is never unbanned by a blocklist. Imports of one service run one at a time (the job's thread),
 * so the store's view of the other sources cannot change under an import.
 */
public final class BlocklistImporter {

    private static final System.Logger LOG = System.getLogger(BlocklistImporter.class.getName());

    private final BlocklistDownloadPort download;
    private final BlocklistStatePort state;
    private final BanPort bans;
    private final JailControlPort jails;
    private final HostAddressesPort host;
    /** Jails up to this many bans are checked entry by entry when a list is unchanged; larger ones by count. */
    static final long EXACT_CHECK_LIMIT = 100_000;
    /** What the blocklists hold per jail, as of their last change; the cheap half of the 304 path's check. */
    private final Map<JailName, Long> heldCounts = new ConcurrentHashMap<>();
    private final int batchSize;

    /** @param batchSize entries per {@code banip} / {@code unbanip} command and per state write */
    public BlocklistImporter(BlocklistDownloadPort download, BlocklistStatePort state, BanPort bans,
                             JailControlPort jails, HostAddressesPort host, int batchSize) {
        this.download = Objects.requireNonNull(download, "download");
        this.state = Objects.requireNonNull(state, "state");
        this.bans = Objects.requireNonNull(bans, "bans");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.host = Objects.requireNonNull(host, "host");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
    }

    /** Thrown inside an import when it must stop between batches. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** What a run reports as it goes. */
    interface Progress {
        void update(Figures figures);
    }

    /**
     * Imports the source's list into its jail.
     *
     * <p>The source's validators are sent only if its fingerprint shows that the last import applied the list
     * through the jail's current filter ({@code ignoreip}, the host's addresses): a changed filter needs the
     * list read and diffed again. A 304, or a 200 whose body and filter match the fingerprint, needs no diff.
     *
     * @param previous the list's figures of the last import that read it, for a 304
     * @param goOn false once the import must stop (shutdown, lost lock): checked between batches
     */
    ImportOutcome run(BlocklistSource source, Optional<ImportCounts> previous, Figures figures, Progress progress,
                      BooleanSupplier goOn) {
        JailName jail = source.jail();
        try {
            JailConfiguration configuration = jails.configuration(jail);
            List<IpNetwork> ignoreIp = BanService.literalNetworks(configuration.ignoreIp());
            Set<IpAddress> own = host.ownAddresses();
            String filter = Fingerprints.filter(jail, ignoreIp, own);
            boolean sameFilter = source.fingerprint().filter(f -> Fingerprints.filterOf(f).equals(filter)).isPresent();
            Fetched fetched = fetch(source, sameFilter ? source.validators() : CacheValidators.NONE, figures);
            if (fetched == null) {
                previous.ifPresent(figures::sameListAs);
                figures.notModified = true;
                if (missing(source, jail).isEmpty()) {
                    return ImportOutcome.succeeded(source.validators(), source.fingerprint());
                }
                // the jail lost entries the list holds (expired, unbanned by hand): read the list again to restore them
                figures.notModified = false;
                fetched = fetch(source, CacheValidators.NONE, figures);
            }
            Optional<String> refusal = refuse(figures);
            if (refusal.isPresent()) {
                return ImportOutcome.ended(ImportStatus.FAILED, refusal.get());
            }
            EntrySet list = fetched.entries;
            ListFilter.Removed removed = ListFilter.apply(list, ignoreIp, own);
            figures.refused(removed.refused());
            figures.ignored = removed.ignored();
            progress.update(figures);
            Optional<String> fingerprint = Optional.of(Fingerprints.of(filter, fetched.digest));
            if (fingerprint.equals(source.fingerprint()) && missing(source, jail).isEmpty()) {
                // the same list through the same filter as the last complete import: the diff is empty
                return ImportOutcome.succeeded(fetched.download.validators(), fingerprint);
            }
            Plan plan = Plan.of(StoredState.load(state, source.id()), jail, list);
            figures.applying = true;
            try (Applier applier = new Applier(source, figures, progress, goOn)) {
                if (applier.apply(plan)) {
                    recountHeld(jail, plan);
                }
                EntrySet missing = missing(source, jail);
                if (!missing.isEmpty()) {
                    applier.repair(missing);
                }
            } catch (RuntimeException e) {
                recountHeld(jail, plan);
                throw e;
            }
            if (figures.unbanShortfall) {
                // entries left pending (unbanning) are sent again by the next import: it must diff, not shortcut
                return ImportOutcome.succeeded(CacheValidators.NONE, Optional.empty());
            }
            return ImportOutcome.succeeded(fetched.download.validators(), fingerprint);
        } catch (Stopped stopped) {
            return ImportOutcome.ended(ImportStatus.INTERRUPTED, "stopped between two batches (shutdown or loss "
                    + "of the scheduler lock); the next import finishes it");
        } catch (BlocklistDownloadException e) {
            if (e.refused()) {
                LOG.log(System.Logger.Level.WARNING, "blocklist_download_refused source=" + source.id() + " reason="
                        + e.code());
            }
            return ImportOutcome.ended(ImportStatus.FAILED, e.code() + ": " + e.getMessage());
        } catch (DomainException e) {
            boolean applied = figures.banned > 0 || figures.unbanned > 0;
            return ImportOutcome.ended(applied ? ImportStatus.PARTIAL : ImportStatus.FAILED,
                    e.code() + ": " + e.getMessage());
        }
    }

    /** Computes what {@link #run} would send now, without sending or storing anything. */
    BlocklistPreview preview(BlocklistSource source) {
        JailConfiguration configuration = jails.configuration(source.jail());
        Figures figures = new Figures();
        Fetched fetched = fetch(source, CacheValidators.NONE, figures);
        Optional<String> refusal = refuse(figures);
        if (refusal.isPresent()) {
            // what the import would do: refuse the list whole, not unban everything
            String text = refusal.get();
            throw new ListRefusedException(text.substring(0, text.indexOf(':')), text.substring(text.indexOf(':') + 2));
        }
        EntrySet list = fetched.entries;
        ListFilter.Removed removed = ListFilter.apply(list, BanService.literalNetworks(configuration.ignoreIp()),
                host.ownAddresses());
        figures.refused(removed.refused());
        figures.ignored = removed.ignored();
        Plan plan = Plan.of(StoredState.load(state, source.id()), source.jail(), list);
        List<String> toBan = new ArrayList<>();
        List<String> toUnban = new ArrayList<>();
        figures.banned = plan.fresh.size() + plan.ensure.size();
        collect(plan.ensure, toBan);
        collect(plan.fresh, toBan);
        for (Plan.Release release : plan.releases) {
            figures.unbanned += release.owned().size() + release.external().size();
            collect(release.owned(), toUnban);
            collect(release.external(), toUnban);
        }
        return new BlocklistPreview(figures.counts(), toBan, toUnban, figures.samples);
    }

    private static void collect(EntrySet entries, List<String> into) {
        if (into.size() >= BlocklistPreview.MAX_LISTED) {
            return;
        }
        entries.forEach(e -> {
            if (into.size() < BlocklistPreview.MAX_LISTED) {
                into.add(e.text());
            }
        });
    }

    /**
     * Releases everything the source holds, in every jail (the source is being deleted).
     */
    ImportOutcome release(BlocklistSource source, Figures figures, Progress progress, BooleanSupplier goOn) {
        try {
            Plan plan = Plan.of(StoredState.load(state, source.id()), null, new EntrySet());
            try (Applier applier = new Applier(source, figures, progress, goOn)) {
                applier.releaseAll(plan.releases);
            } finally {
                recountHeld(null, plan);
            }
            if (figures.unbanShortfall) {
                return ImportOutcome.ended(ImportStatus.PARTIAL, "unban_unconfirmed: fail2ban did not hold some "
                        + "entries when they were unbanned (expired, or being restored after a restart); the next run "
                        + "unbans them once more");
            }
            return ImportOutcome.succeeded(CacheValidators.NONE, Optional.empty());
        } catch (Stopped stopped) {
            return ImportOutcome.ended(ImportStatus.INTERRUPTED, "stopped between two batches; the release goes on "
                    + "at the next run");
        } catch (DomainException e) {
            return ImportOutcome.ended(figures.unbanned > 0 ? ImportStatus.PARTIAL : ImportStatus.FAILED,
                    e.code() + ": " + e.getMessage());
        }
    }

    /** A downloaded, parsed list and the SHA-256 of its body. */
    private record Fetched(Download download, EntrySet entries, String digest) {
    }

    /** Downloads and parses; null for a 304. */
    private Fetched fetch(BlocklistSource source, CacheValidators validators, Figures figures) {
        ParsedList[] parsed = new ParsedList[1];
        MessageDigest digest = Fingerprints.sha256();
        Download result = download.download(source.url(), validators.any() ? Optional.of(validators)
                : Optional.empty(), body -> parsed[0] = BlocklistParser.parse(new DigestInputStream(body, digest)));
        figures.bytes = result.bytes();
        if (result.notModified()) {
            return null;
        }
        if (parsed[0] == null) {
            throw new BlocklistDownloadException("read_failed", "the server sent no body");
        }
        figures.parsed(parsed[0]);
        return new Fetched(result, parsed[0].entries(), HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * A list that is empty, or has no valid entry, or more invalid lines than valid ones is refused whole: it is
     * more likely an error page or a truncated file than a list, and mirroring it would unban everything.
     */
    private static Optional<String> refuse(Figures figures) {
        if (figures.total == 0) {
            return Optional.of("empty_list: the list has no entry; nothing was changed");
        }
        if (figures.valid == 0) {
            return Optional.of("no_valid_entries: no line of the list is an address or network; nothing was changed");
        }
        if (figures.invalid > figures.valid) {
            return Optional.of("mostly_invalid: more invalid lines (" + figures.invalid + ") than valid ones ("
                    + figures.valid + "); nothing was changed");
        }
        return Optional.empty();
    }

    /**
     * Whether fail2ban's count of the jail's bans covers what the blocklists hold there: one {@code status}
     * command. A jail holding fewer bans than the blocklists' entries lost some (they expired or were unbanned
     * by hand).
     */
    /**
     * The entries this source holds in the jail that fail2ban does not ban now (expired, unbanned by hand, lost in
     * a restart). One {@code status} first: a jail banning fewer entries than the blocklists hold there lost some.
     * Up to {@link #EXACT_CHECK_LIMIT} bans the sets are compared exactly as well (the full {@code status J});
     * above it the count alone decides, so that an unchanged list of a huge jail stays one short status.
     */
    private EntrySet missing(BlocklistSource source, JailName jail) {
        long held = heldCounts.computeIfAbsent(jail, state::countHeld);
        long banned = jails.counters(jail).currentlyBanned();
        if (banned >= held && banned > EXACT_CHECK_LIMIT) {
            return new EntrySet();
        }
        StoredState.InJail mine = StoredState.load(state, source.id()).in(jail);
        EntrySet holds = new EntrySet();
        holds.addAll(mine.banned);
        holds.addAll(mine.external);
        EntrySet present = new EntrySet();
        for (String id : bans.bannedIds(jail)) {
            present.addText(id);
        }
        return holds.minus(present);
    }

    /**
     * The jails an import changed need their held count again (imports run one at a time: a cache suffices). It
     * is counted now, at the end of the import that changed it, so the next unchanged import finds it ready.
     */
    private void recountHeld(JailName jail, Plan plan) {
        if (jail != null) {
            heldCounts.remove(jail);
        }
        plan.releases.forEach(r -> heldCounts.remove(r.jail()));
        try {
            if (jail != null) {
                heldCounts.put(jail, state.countHeld(jail));
            }
        } catch (DomainException e) {
            // counted on first use instead
        }
    }

    /**
     * Sends the plan's changes batch by batch. Bans are pipelined: a single writer thread stores the next batch's
     * pending state and the previous batch's final state while fail2ban bans the current one, so the store's
     * work hides behind fail2ban's. The order that makes a crash safe holds: a batch's pending state is committed
     * before its command is sent, its final state only after the command succeeded.
     */
    private final class Applier implements AutoCloseable {
        private final BlocklistSource source;
        private final Figures figures;
        private final Progress progress;
        private final BooleanSupplier goOn;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bangui-blocklist-writer");
            thread.setDaemon(true);
            return thread;
        });

        Applier(BlocklistSource source, Figures figures, Progress progress, BooleanSupplier goOn) {
            this.source = source;
            this.figures = figures;
            this.progress = progress;
            this.goOn = goOn;
        }

        /** @return whether anything was to be done */
        boolean apply(Plan plan) {
            JailName jail = source.jail();
            boolean changed = !plan.ensure.isEmpty() || !plan.fresh.isEmpty() || !plan.releases.isEmpty();
            banAll(jail, plan.ensure, null);
            if (!plan.fresh.isEmpty()) {
                banAll(jail, plan.fresh, jails.counters(jail).currentlyBanned() == 0 ? new EntrySet() : present(jail));
            }
            releaseAll(plan.releases);
            return changed;
        }

        /** Bans again the entries this source holds that the jail lost; they are this source's bans now. */
        void repair(EntrySet missing) {
            LOG.log(System.Logger.Level.INFO, "blocklist_repair source=" + source.id() + " missing=" + missing.size());
            banAll(source.jail(), missing, null);
        }

        void releaseAll(List<Plan.Release> releases) {
            for (Plan.Release release : releases) {
                for (Iterator<List<IpNetwork>> it = release.external().batches(batchSize); it.hasNext(); ) {
                    List<IpNetwork> batch = it.next();
                    checkGoOn();
                    state.remove(source.id(), release.jail(), texts(batch));
                }
                for (Iterator<List<IpNetwork>> it = release.owned().batches(batchSize); it.hasNext(); ) {
                    List<IpNetwork> batch = it.next();
                    checkGoOn();
                    unban(release, batch);
                }
            }
        }

        private EntrySet present(JailName jail) {
            EntrySet present = new EntrySet();
            for (String id : bans.bannedIds(jail)) {
                present.addText(id); // ban ids that are not networks are not in any list
            }
            return present;
        }

        /**
         * Bans entries in batches, pipelined with the writer.
         *
         * @param present what the jail banned before this import (entries in it are recorded, not sent); null when
         *                every entry is this source's to ban (pending ones of a cut-short import, repairs)
         */
        private void banAll(JailName jail, EntrySet entries, EntrySet present) {
            Iterator<List<IpNetwork>> batches = entries.batches(batchSize);
            if (!batches.hasNext()) {
                return;
            }
            List<IpNetwork> first = batches.next();
            Future<List<IpNetwork>> pending = writer.submit(() -> before(jail, first, present));
            Future<?> after = null;
            while (pending != null) {
                List<IpNetwork> toSend = await(pending);
                checkGoOn();
                List<IpNetwork> next = batches.hasNext() ? batches.next() : null;
                pending = next == null ? null : writer.submit(() -> before(jail, next, present));
                if (!toSend.isEmpty()) {
                    figures.banned += bans.ban(jail, toSend);
                }
                if (after != null) {
                    await(after); // the previous batch's final state: a failed write must end the import
                }
                Figures snapshot = figures.copy();
                after = writer.submit(() -> {
                    state.put(source.id(), jail, texts(toSend), EntryState.BANNED);
                    progress.update(snapshot);
                });
            }
            await(after);
        }

        /**
         * Records a batch before its command: entries the jail bans already as held (shared with the blocklist
         * that banned them, or external: banned by log lines or by hand, then never unbanned by a blocklist),
         * the others as pending.
         *
         * @return the entries to send
         */
        private List<IpNetwork> before(JailName jail, List<IpNetwork> batch, EntrySet present) {
            List<IpNetwork> fresh = new ArrayList<>(batch.size());
            List<String> already = new ArrayList<>();
            for (IpNetwork entry : batch) {
                if (present != null && present.contains(entry)) {
                    already.add(entry.text());
                } else {
                    fresh.add(entry);
                }
            }
            if (!already.isEmpty()) {
                Map<String, EntryState> others = state.heldByOthers(source.id(), jail, already);
                List<String> shared = new ArrayList<>();
                List<String> external = new ArrayList<>();
                for (String entry : already) {
                    EntryState other = others.get(entry);
                    (other == EntryState.BANNED || other == EntryState.BANNING ? shared : external).add(entry);
                }
                state.put(source.id(), jail, shared, EntryState.BANNED);
                state.put(source.id(), jail, external, EntryState.EXTERNAL);
            }
            state.put(source.id(), jail, texts(fresh), EntryState.BANNING);
            return fresh;
        }

        /**
         * Unbans what no other source holds; forgets the rest. When fail2ban unbans fewer than it was sent (an
         * entry expired already, or fail2ban is still restoring its bans after a restart and restores it a
         * moment later), the entries stay pending (unbanning) and are sent once more by the next run, then
         * forgotten whatever the answer.
         */
        private void unban(Plan.Release release, List<IpNetwork> batch) {
            JailName jail = release.jail();
            List<String> texts = texts(batch);
            Map<String, EntryState> others = state.heldByOthers(source.id(), jail, texts);
            List<IpNetwork> alone = new ArrayList<>(batch.size());
            List<String> aloneTexts = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                EntryState other = others.get(texts.get(i));
                if (other == null || other == EntryState.UNBANNING) {
                    alone.add(batch.get(i));
                    aloneTexts.add(texts.get(i));
                }
            }
            List<String> keep = List.of();
            if (!alone.isEmpty()) {
                state.put(source.id(), jail, aloneTexts, EntryState.UNBANNING);
                int unbanned;
                try {
                    unbanned = bans.unban(jail, alone);
                } catch (UnknownJailException gone) {
                    unbanned = alone.size(); // the jail no longer exists: nothing is banned there
                }
                figures.unbanned += unbanned;
                if (unbanned < alone.size()) {
                    keep = new ArrayList<>();
                    for (IpNetwork entry : alone) {
                        if (!release.retried().contains(entry)) {
                            keep.add(entry.text());
                        }
                    }
                    figures.unbanShortfall |= !keep.isEmpty();
                }
            }
            List<String> forget = new ArrayList<>(texts);
            forget.removeAll(new java.util.HashSet<>(keep));
            state.remove(source.id(), jail, forget);
            progress.update(figures.copy());
        }

        private void checkGoOn() {
            if (!goOn.getAsBoolean()) {
                throw new Stopped();
            }
        }

        private <T> T await(Future<T> future) {
            try {
                return future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }

        /** Lets the writer finish what it was given (so the import ends after its last write), then stops it. */
        @Override
        public void close() {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                    writer.shutdownNow();
                }
            } catch (InterruptedException e) {
                writer.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> texts(List<IpNetwork> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        for (IpNetwork entry : batch) {
            texts.add(entry.text());
        }
        return texts;
    }
}
