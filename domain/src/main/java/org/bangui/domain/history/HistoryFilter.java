package org.bangui.domain.history;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Which archived bans a query selects. Every criterion is optional; given ones all apply.
 *
 * @param jail only bans of this jail
 * @param ip only bans of this address (a host network) or of addresses inside this network; an archived network
 *           entry counts as its first address
 * @param country only bans from this ISO 3166-1 alpha-2 country (upper case)
 * @param origin only bans with this origin
 * @param since only bans that started at or after this instant
 * @param until only bans that started before this instant
 */
public record HistoryFilter(Optional<JailName> jail, Optional<IpNetwork> ip, Optional<String> country,
                            Optional<BanOrigin> origin, Optional<Instant> since, Optional<Instant> until) {

    /** Selects every archived ban. */
    public static final HistoryFilter ALL = new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /**
     * Normalises the network (host bits cleared) and the country (upper case).
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidInputException {@code invalid_country} if the country is not two letters,
     *     {@code invalid_time_range} if {@code since} is after {@code until}
     */
    public HistoryFilter {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        ip = ip.map(IpNetwork::normalized);
        country = country.map(HistoryFilter::country);
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new InvalidInputException("invalid_time_range", "since must not be after until");
        }
    }

    /**
     * A country code as the archive holds it: two ASCII letters, upper-cased.
     *
     * @throws InvalidInputException {@code invalid_country} otherwise
     */
    public static String country(String code) {
        String upper = code == null ? "" : code.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(upper).matches()) {
            throw new InvalidInputException("invalid_country", "country must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return upper;
    }

    /** This filter restricted to one address (or network), the other criteria kept. */
    public HistoryFilter withIp(IpNetwork network) {
        return new HistoryFilter(jail, Optional.of(network), country, origin, since, until);
    }
}
