package org.bangui.domain.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.SyncMark;

/**
 * An in-memory {@link HistoryArchivePort} for service tests, proven by {@link HistoryArchivePortContract}. It
 * also logs every ban and end it is given ({@link #calls}), in order, for tests of what was archived when.
 */
public final class InMemoryHistoryArchiveFake implements HistoryArchivePort {

    private static final long WINDOW_MS = MERGE_WINDOW_SECONDS * 1000L;

    /** One archived entry. */
    public static final class Entry {
        public final long id;
        public BanRecord ban;
        public boolean synced;
        public Instant endedAt;
        public EndReason endReason;
        public String endedBy;
        /** fail2ban's start of this ban, once its record was read; empty before. */
        public Instant sourceTime;

        Entry(long id, BanRecord ban, boolean synced) {
            this.id = id;
            this.ban = ban;
            this.synced = synced;
        }
    }

    /** A call: {@code ban} or {@code end}, what, when, by whom. */
    public record Call(String type, String jail, String ip, Instant at, Optional<String> by, BanOrigin origin) {
    }

    public final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SyncMark> marks = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized int archive(List<BanRecord> bans) {
        int added = 0;
        for (BanRecord ban : bans) {
            calls.add(new Call("ban", ban.jail(), ban.ip(), ban.bannedAt(), Optional.empty(), ban.origin()));
            if (contains(ban.jail(), ban.ip(), ban.bannedAt())) {
                continue;
            }
            long at = ban.bannedAt().toEpochMilli();
            boolean fromFail2ban = ban.origin() == BanOrigin.FAIL2BAN;
            Optional<Entry> partner = entries.stream()
                    .filter(e -> e.ban.jail().equals(ban.jail()) && e.ban.ip().equals(ban.ip()))
                    .filter(e -> Math.abs(e.ban.bannedAt().toEpochMilli() - at) <= WINDOW_MS)
                    .filter(e -> fromFail2ban ? !e.synced : e.ban.origin() == BanOrigin.FAIL2BAN && e.endedAt == null)
                    .min(Comparator.<Entry, Boolean>comparing(e -> e.endedAt != null)
                            .thenComparingLong(e -> Math.abs(e.ban.bannedAt().toEpochMilli() - at)));
            if (partner.isPresent()) {
                Entry entry = partner.get();
                if (fromFail2ban) {
                    entry.ban = new BanRecord(ban.jail(), ban.ip(), entry.ban.bannedAt(), ban.banSeconds(),
                            ban.banCount(), ban.failures(), ban.matches(), entry.ban.country().or(ban::country),
                            entry.ban.origin());
                    entry.synced = true;
                    entry.sourceTime = ban.bannedAt();
                } else {
                    entry.ban = new BanRecord(entry.ban.jail(), entry.ban.ip(), entry.ban.bannedAt(),
                            entry.ban.banSeconds(), entry.ban.banCount(), entry.ban.failures(), entry.ban.matches(),
                            entry.ban.country(), ban.origin());
                }
                continue;
            }
            Entry entry = new Entry(nextId++, ban, fromFail2ban);
            entry.sourceTime = fromFail2ban ? ban.bannedAt() : null;
            entries.add(entry);
            added++;
        }
        return added;
    }

    @Override
    public synchronized int endOpen(String jail, String ip, Instant at, EndReason reason, Optional<String> endedBy) {
        calls.add(new Call("end", jail, ip, at, endedBy, null));
        int ended = 0;
        for (Entry e : entries) {
            if (e.endedAt == null && e.ban.jail().equals(jail) && e.ban.ip().equals(ip)
                    && !e.ban.bannedAt().isAfter(at.plusMillis(WINDOW_MS))) {
                e.endedAt = at.isBefore(e.ban.bannedAt()) ? e.ban.bannedAt() : at;
                e.endReason = reason;
                e.endedBy = endedBy.orElse(null);
                ended++;
            }
        }
        return ended;
    }

    @Override
    public synchronized int endExpired(Instant now) {
        int ended = 0;
        for (Entry e : entries) {
            Optional<Instant> expiry = e.ban.expiresAt();
            if (e.endedAt == null && expiry.isPresent() && !expiry.get().isAfter(now)) {
                e.endedAt = expiry.get();
                e.endReason = EndReason.EXPIRED;
                ended++;
            }
        }
        return ended;
    }

    @Override
    public synchronized List<OpenEntry> openEntries(Instant startedBefore, long afterId, int limit) {
        return entries.stream()
                .filter(e -> e.endedAt == null && e.id > afterId && e.ban.bannedAt().isBefore(startedBefore))
                .limit(limit)
                .map(e -> new OpenEntry(e.id, e.ban.jail(), e.ban.ip(),
                        e.sourceTime != null ? e.sourceTime : e.ban.bannedAt(), e.ban.banSeconds(), e.synced))
                .toList();
    }

    @Override
    public synchronized int end(List<Ending> endings) {
        int ended = 0;
        for (Ending ending : endings) {
            for (Entry e : entries) {
                if (e.id == ending.id() && e.endedAt == null) {
                    e.endedAt = ending.at();
                    e.endReason = ending.reason();
                    ended++;
                }
            }
        }
        return ended;
    }

    @Override
    public synchronized boolean contains(String jail, String ip, Instant bannedAt) {
        return entries.stream().anyMatch(e -> e.ban.jail().equals(jail) && e.ban.ip().equals(ip)
                && e.sourceTime != null && e.sourceTime.toEpochMilli() == bannedAt.toEpochMilli());
    }

    @Override
    public synchronized int purgeStartedBefore(Instant cutoff, int limit) {
        List<Entry> old = entries.stream()
                .filter(e -> e.ban.bannedAt().isBefore(cutoff) && !(e.endedAt == null && e.ban.permanent()))
                .limit(limit).toList();
        entries.removeAll(old);
        return old.size();
    }

    @Override
    public synchronized Optional<SyncMark> mark(String source) {
        return Optional.ofNullable(marks.get(source));
    }

    @Override
    public synchronized void saveMark(String source, SyncMark mark) {
        marks.put(source, mark);
    }

    @Override
    public synchronized List<CountryGap> withoutCountry(Instant since, long afterId, int limit) {
        return entries.stream()
                .filter(e -> e.ban.country().isEmpty() && e.id > afterId && !e.ban.bannedAt().isBefore(since)
                        && !e.ban.ip().contains("/") && isAddress(e.ban.ip()))
                .limit(limit)
                .map(e -> new CountryGap(e.id, e.ban.ip()))
                .toList();
    }

    private static boolean isAddress(String ip) {
        try {
            org.bangui.domain.net.IpAddress.parse(ip);
            return true;
        } catch (org.bangui.domain.shared.InvalidInputException notAnAddress) {
            return false;
        }
    }

    @Override
    public synchronized int fillCountries(List<CountryFill> fills) {
        int changed = 0;
        for (CountryFill fill : fills) {
            for (Entry e : entries) {
                if (e.id == fill.id() && e.ban.country().isEmpty()) {
                    e.ban = new BanRecord(e.ban.jail(), e.ban.ip(), e.ban.bannedAt(), e.ban.banSeconds(),
                            e.ban.banCount(), e.ban.failures(), e.ban.matches(), Optional.of(fill.country()),
                            e.ban.origin());
                    changed++;
                }
            }
        }
        return changed;
    }
}
