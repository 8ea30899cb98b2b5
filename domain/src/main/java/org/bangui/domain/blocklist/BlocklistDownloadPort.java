package org.bangui.domain.blocklist;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * Downloads a list over HTTP(S), safely: only http and https, only to public destinations (the check runs on
 * the address actually connected to, at every redirect hop), with timeouts, a size cap on the decoded body,
 * gzip accepted, and a conditional request when validators of the previous download are given.
 */
public interface BlocklistDownloadPort {

    /**
     * Fetches {@code url} and hands the decoded body to {@code reader} as a stream; the stream ends the read
     * with a {@link BlocklistDownloadException} (code {@code too_large}) once the cap is passed, or
     * {@code timeout} when the server stalls. Nothing is handed to the reader for a 304.
     *
     * @param validators the validators of the last complete download, to send as {@code If-None-Match} /
     *                   {@code If-Modified-Since}; empty for an unconditional request
     * @return what was downloaded: {@link Download#notModified()} for a 304
     * @throws BlocklistDownloadException with a stable {@link BlocklistDownloadException#code() code} on any
     *         failure, including an {@link IOException} the reader throws ({@code read_failed}); an unchecked
     *         exception the reader throws (its own {@link BlocklistDownloadException} included) passes through
     *         unchanged
     */
    Download download(URI url, Optional<CacheValidators> validators, BodyReader reader);

    /** Consumes the body; runs on the downloading thread, while the connection is open. */
    @FunctionalInterface
    interface BodyReader {
        /** Reads the body; may stop early. */
        void read(InputStream body) throws IOException;
    }
}
