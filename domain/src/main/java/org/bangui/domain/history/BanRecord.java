package org.bangui.domain.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ban to archive. Its identity is (jail, ip, bannedAt): archiving the same ban twice stores it once.
 *
 * @param jail the jail, as fail2ban names it
 * @param ip the banned address, network (CIDR) or other ban id, as fail2ban holds it
 * @param bannedAt when the ban started (whole seconds for bans read from fail2ban)
 * @param banSeconds the ban time in seconds, -1 for a permanent ban; empty when unknown
 * @param banCount how many times fail2ban has banned this address (its {@code bancount}), at least 1
 * @param failures how many failures led to the ban, 0 for manual bans
 * @param matches the last matched log lines, at most {@link #MAX_MATCHES}, each cut to {@link #MAX_MATCH_LENGTH}
 * @param country the ISO 3166 country code at the time of the ban, empty when unknown
 * @param origin who started it
 */
public record BanRecord(String jail, String ip, Instant bannedAt, Optional<Long> banSeconds, int banCount,
                        int failures, List<String> matches, Optional<String> country, BanOrigin origin) {

    /** The most matched log lines kept per ban: the last ones. */
    public static final int MAX_MATCHES = 10;
    /** The longest matched log line kept; longer lines are cut. */
    public static final int MAX_MATCH_LENGTH = 1000;

    /** Caps the matches; @throws NullPointerException if a component is null */
    public BanRecord {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(bannedAt, "bannedAt");
        Objects.requireNonNull(banSeconds, "banSeconds");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(origin, "origin");
        matches = cap(matches);
    }

    /** Whether the ban never ends. */
    public boolean permanent() {
        return banSeconds.isPresent() && banSeconds.get() < 0;
    }

    /** When the ban runs out; empty for permanent bans and unknown ban times. */
    public Optional<Instant> expiresAt() {
        return banSeconds.filter(s -> s >= 0).map(bannedAt::plusSeconds);
    }

    private static boolean fit(List<String> matches) {
        for (String match : matches) {
            if (match.length() > MAX_MATCH_LENGTH) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cap(List<String> matches) {
        if (matches.size() <= MAX_MATCHES && fit(matches)) {
            return List.copyOf(matches); // the common case, read back for every archived entry
        }
        List<String> last = matches.size() > MAX_MATCHES ? matches.subList(matches.size() - MAX_MATCHES,
                matches.size()) : matches;
        return last.stream()
                .map(m -> m.length() > MAX_MATCH_LENGTH ? m.substring(0, MAX_MATCH_LENGTH) : m)
                .toList();
    }
}
