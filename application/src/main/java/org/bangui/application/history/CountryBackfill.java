package org.bangui.application.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.HistoryArchivePort.CountryFill;
import org.bangui.domain.history.HistoryArchivePort.CountryGap;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Fills in the country of recent entries archived without one: while the geo-IP file was missing, damaged or
 * did not know the address. Each run looks at a bounded number of such entries, going on from where the
 * previous run stopped and starting over once it reached the end, so that addresses without a country by
 * definition (private and documentation ranges) never starve the others.
 */
final class CountryBackfill {

    private final HistoryArchivePort archive;
    private final GeoLookupPort geo;
    private final Duration window;
    private final int perRun;
    private long after;

    /**
     * @param window how far back entries are looked at
     * @param perRun how many entries one run looks at, at most
     */
    CountryBackfill(HistoryArchivePort archive, GeoLookupPort geo, Duration window, int perRun) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.geo = Objects.requireNonNull(geo, "geo");
        this.window = Objects.requireNonNull(window, "window");
        this.perRun = perRun;
    }

    /** Looks at up to one run's worth of entries; returns how many got a country. Runs are not concurrent. */
    int run(Instant now) {
        List<CountryGap> gaps = archive.withoutCountry(now.minus(window), after, perRun);
        after = gaps.size() < perRun ? 0 : gaps.get(gaps.size() - 1).id();
        List<CountryFill> fills = new ArrayList<>();
        for (CountryGap gap : gaps) {
            country(gap.ip()).ifPresent(country -> fills.add(new CountryFill(gap.id(), country)));
        }
        return archive.fillCountries(fills);
    }

    private Optional<String> country(String ip) {
        try {
            return geo.lookup(IpAddress.parse(ip)).country();
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
    }
}
