package org.bangui.domain.geo;

import org.bangui.domain.shared.DomainException;

/** The geo cache table could not be read or written. */
public final class GeoCacheException extends DomainException {

    private static final long serialVersionUID = 1L;

    public GeoCacheException(String message, Throwable cause) {
        super("geo_cache_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
