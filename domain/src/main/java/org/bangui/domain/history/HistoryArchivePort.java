package org.bangui.domain.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes BanGUI's ban archive. Every method throws {@link HistoryArchiveException} when the archive cannot be
 * read or written; a failed call changes nothing. Reads for the API live elsewhere (the history query port).
 */
public interface HistoryArchivePort {

    /**
     * Archives bans, all or none. Idempotent on (jail, ip, bannedAt): a ban already archived is left as it is.
     * A {@link BanOrigin#FAIL2BAN} record read from fail2ban's database that matches a manual or blocklist
     * entry archived at once by BanGUI (same jail and ip, not yet synced, started within
     * {@link #MERGE_WINDOW_SECONDS} s; an open entry before an ended one, then the closest) is merged into that
     * entry: fail2ban's start is recorded beside it (the entry keeps its own start, so that pages already handed
     * out do not shift), its ban time, ban count, failures and matches are filled in and its origin is kept;
     * fail2ban's record read again later adds nothing. Conversely a manual or blocklist
     * record that matches an open fail2ban entry within the window takes that entry over (origin set).
     *
     * @return how many entries were added (merged records are not counted)
     */
    int archive(List<BanRecord> bans);

    /**
     * {@link #archive(List)}, and bans copied from fail2ban whose ban time ran out by {@code expiredBy} may be
     * stored ended at their expiry at once, as {@link #endExpired} would end them right after.
     */
    default int archive(List<BanRecord> bans, Instant expiredBy) {
        return archive(bans);
    }

    /**
     * Ends the open entries of (jail, ip) that started before {@code at}.
     *
     * @param endedBy who lifted it, for {@link EndReason#UNBANNED}
     * @return how many entries ended
     */
    int endOpen(String jail, String ip, Instant at, EndReason reason, Optional<String> endedBy);

    /** Ends every open entry whose ban time ran out by {@code now}, at its expiry, as {@link EndReason#EXPIRED}. */
    int endExpired(Instant now);

    /**
     * Open entries that started before {@code startedBefore}, by ascending id after {@code afterId}, at most
     * {@code limit}; never null.
     */
    List<OpenEntry> openEntries(Instant startedBefore, long afterId, int limit);

    /** Ends the given entries, each at its time for its reason; entries already ended are left. */
    int end(List<Ending> endings);

    /** Whether fail2ban's ban of this identity is archived, as an entry of its own or merged into one. */
    boolean contains(String jail, String ip, Instant bannedAt);

    /**
     * Deletes at most {@code limit} entries that started before {@code cutoff}, except open permanent bans.
     *
     * @return how many were deleted; less than {@code limit} means none is left
     */
    int purgeStartedBefore(Instant cutoff, int limit);

    /** Where the copy from {@code source} stopped; empty before the first copy. */
    Optional<SyncMark> mark(String source);

    /** Records where the copy from {@code source} stopped. */
    void saveMark(String source, SyncMark mark);

    /**
     * Entries of single addresses without a country that started at or after {@code since}, by ascending id after
     * {@code afterId}, at most {@code limit}: those archived while the geo-IP database was missing or did not know
     * the address. Values are (id, ip); never null.
     */
    List<CountryGap> withoutCountry(Instant since, long afterId, int limit);

    /** Sets the country of entries that still have none; returns how many changed. */
    int fillCountries(List<CountryFill> fills);

    /** An entry without a country. */
    record CountryGap(long id, String ip) {

        /** @throws NullPointerException if the ip is null */
        public CountryGap {
            Objects.requireNonNull(ip, "ip");
        }
    }

    /** The country found for entry {@code id}. */
    record CountryFill(long id, String country) {

        /** @throws NullPointerException if the country is null */
        public CountryFill {
            Objects.requireNonNull(country, "country");
        }
    }

    /** How far apart (seconds) BanGUI's and fail2ban's clock may put the same manual ban. */
    int MERGE_WINDOW_SECONDS = 5;

    /**
     * An archived ban that has not ended; {@code bannedAt} is fail2ban's start once its record was read.
     *
     * @param synced whether fail2ban's own record of it has been read
     */
    record OpenEntry(long id, String jail, String ip, Instant bannedAt, Optional<Long> banSeconds, boolean synced) {

        /** @throws NullPointerException if a component is null */
        public OpenEntry {
            Objects.requireNonNull(jail, "jail");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(bannedAt, "bannedAt");
            Objects.requireNonNull(banSeconds, "banSeconds");
        }
    }

    /** Ends entry {@code id} at {@code at} for {@code reason}. */
    record Ending(long id, Instant at, EndReason reason) {

        /** @throws NullPointerException if a component is null */
        public Ending {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
