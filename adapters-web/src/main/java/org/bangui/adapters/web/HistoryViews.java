package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.bangui.application.history.query.AddressReport;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryStats;
import org.bangui.domain.jail.JailName;

/** The JSON shapes of the history routes. */
final class HistoryViews {

    private HistoryViews() {
    }

    /** A page of archived bans, newest first; {@code nextCursor} is null on the last page. */
    @Serdeable
    public record HistoryResponse(List<HistoryItem> items, @Nullable String nextCursor) {
    }

    /**
     * One archived ban. {@code banTimeSeconds} is -1 for a permanent ban and null when unknown; {@code endedAt},
     * {@code endReason} ({@code expired}, {@code unbanned}, {@code removed}, {@code replaced}) and
     * {@code endedBy} are null while the ban lasts; {@code country} is null when unknown.
     */
    @Serdeable
    public record HistoryItem(long id, String jail, String ip, String bannedAt, @Nullable Long banTimeSeconds,
                              boolean permanent, @Nullable String endedAt, @Nullable String endReason,
                              @Nullable String endedBy, int banCount, int failures, List<String> matches,
                              @Nullable String country, String origin) {

        static HistoryItem of(HistoryEntry entry) {
            BanRecord ban = entry.ban();
            return new HistoryItem(entry.id(), ban.jail(), ban.ip(), ban.bannedAt().toString(),
                    ban.banSeconds().orElse(null), ban.permanent(), entry.endedAt().map(Instant::toString).orElse(null),
                    entry.endReason().map(EndReason::code).orElse(null), entry.endedBy().orElse(null), ban.banCount(),
                    ban.failures(), ban.matches(), ban.country().orElse(null), ban.origin().code());
        }
    }

    /** Statistics over {@code [since, until)}; the timeline has every bucket, empty ones included. */
    @Serdeable
    public record StatsResponse(long total, List<TimelinePoint> timeline, List<JailCount> topJails,
                                List<IpCount> topIps, List<CountryCount> topCountries) {

        static StatsResponse of(HistoryStats stats) {
            return new StatsResponse(stats.total(),
                    stats.timeline().stream().map(p -> new TimelinePoint(p.start().toString(), p.bans())).toList(),
                    stats.topJails().stream().map(c -> new JailCount(c.key(), c.bans())).toList(),
                    stats.topIps().stream().map(c -> new IpCount(c.key(), c.bans())).toList(),
                    stats.topCountries().stream().map(c -> new CountryCount(c.key(), c.bans())).toList());
        }
    }

    /** The bans that started in the bucket beginning at {@code start}. */
    @Serdeable
    public record TimelinePoint(String start, long bans) {
    }

    /** Bans of one jail. */
    @Serdeable
    public record JailCount(String jail, long bans) {
    }

    /** Bans of one address (or network entry). */
    @Serdeable
    public record IpCount(String ip, long bans) {
    }

    /** Bans from one country. */
    @Serdeable
    public record CountryCount(String country, long bans) {
    }

    /**
     * Everything known about one address. {@code events} are its archived bans, newest first, at most 1,000
     * ({@code truncated} says whether older ones exist; {@code total} counts them all). {@code bannedNow} and
     * {@code bannedIn} are null when fail2ban could not be asked, and {@code bannedNowUnknown} then names why
     * (for instance {@code fail2ban_unavailable}).
     */
    @Serdeable
    public record AddressResponse(String ip, @Nullable String country, @Nullable Long asn,
                                  @Nullable String asOrganization, long total, boolean truncated, List<String> jails,
                                  @Nullable Boolean bannedNow, @Nullable List<String> bannedIn,
                                  @Nullable String bannedNowUnknown, List<HistoryItem> events) {

        static AddressResponse of(AddressReport report) {
            List<String> bannedIn = report.bannedIn().map(j -> j.stream().map(JailName::value).toList()).orElse(null);
            return new AddressResponse(report.target().text(), report.geo().country().orElse(null),
                    report.geo().asn().orElse(null), report.geo().asOrganization().orElse(null),
                    report.history().total(), report.history().truncated(), report.history().jails(),
                    bannedIn == null ? null : !bannedIn.isEmpty(), bannedIn, report.bannedInUnknown().orElse(null),
                    report.history().entries().stream().map(HistoryItem::of).toList());
        }
    }
}
