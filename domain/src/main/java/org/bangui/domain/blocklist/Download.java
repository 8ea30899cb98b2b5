package org.bangui.domain.blocklist;

import java.util.Objects;

/**
 * The outcome of a successful download.
 *
 * @param notModified the server answered 304: the body was not read
 * @param bytes bytes received on the wire (compressed size for a gzip body), 0 for a 304
 * @param validators the validators to send next time ({@link CacheValidators#NONE} if the server gave none)
 */
public record Download(boolean notModified, long bytes, CacheValidators validators) {

    /** @throws IllegalArgumentException if {@code bytes} is negative */
    public Download {
        Objects.requireNonNull(validators, "validators");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
