package org.bangui.domain.geo;

import java.time.Instant;
import java.util.Objects;
import org.bangui.domain.net.IpAddress;

/**
 * One remembered geo answer.
 *
 * @param address the address
 * @param info what was found; {@link GeoInfo#UNKNOWN} for an address no source could resolve
 * @param source the version label of the source that answered ({@link GeoSourcePort#version()}), so that an
 *               unresolved entry is retried once the database changes
 * @param resolvedAt when it was resolved
 */
public record GeoCacheEntry(IpAddress address, GeoInfo info, String source, Instant resolvedAt) {

    /** @throws NullPointerException if a component is null */
    public GeoCacheEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** Whether a country was found. */
    public boolean resolved() {
        return info.country().isPresent();
    }
}
