package org.bangui.domain.blocklist;

import java.util.Objects;
import java.util.Optional;

/** The {@code ETag} and {@code Last-Modified} of a download, for the next conditional request. */
public record CacheValidators(Optional<String> etag, Optional<String> lastModified) {

    /** No validators: the next request is unconditional. */
    public static final CacheValidators NONE = new CacheValidators(Optional.empty(), Optional.empty());

    /** @throws NullPointerException if a component is null */
    public CacheValidators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** True if there is something to send. */
    public boolean any() {
        return etag.isPresent() || lastModified.isPresent();
    }
}
