package org.bangui.adapters.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.bangui.domain.blocklist.BlocklistDownloadException;
import org.bangui.domain.blocklist.BlocklistDownloadPort.BodyReader;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.Download;

/**
 * Reads a final (non-redirect) answer: 304, 200 through the body streams (gzip decoded, whether announced by
 * Content-Encoding or a .gz file served as it is), anything else refused.
 */
final class ResponseReader {

    /** Longer validators are dropped: no honest server sends them, and they are stored and sent back. */
    static final int MAX_VALIDATOR = 512;

    private final long maxBytes;
    private final DownloadFailures failures;

    ResponseReader(long maxBytes, DownloadFailures failures) {
        this.maxBytes = maxBytes;
        this.failures = failures;
    }

    /**
     * The outcome of a final answer; {@code connection} is cancelled before the body streams are freed, since
     * freeing them on an open connection would drain what is left of the body.
     */
    Download answer(ClassicHttpResponse response, CacheValidators sent, BodyReader reader, Deadline deadline,
            Cancellable connection) {
        int status = response.getCode();
        if (status == 304) {
            return new Download(true, 0, new CacheValidators(
                    header(response, "ETag").or(sent::etag), header(response, "Last-Modified").or(sent::lastModified)));
        }
        if (status != 200) {
            throw new BlocklistDownloadException("http_status", "the server answered " + status);
        }
        CacheValidators received = new CacheValidators(header(response, "ETag"), header(response, "Last-Modified"));
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            read(reader, InputStream.nullInputStream(), deadline);
            return new Download(false, 0, received);
        }
        boolean encoded = gzip(entity.getContentEncoding());
        BodyStreams.Counting wire;
        InputStream source;
        boolean gzipFile = false;
        try {
            wire = new BodyStreams.Counting(entity.getContent());
            source = wire;
            if (!encoded) {
                // a .gz list served as a file (no Content-Encoding): the gzip magic cannot start a text list
                BufferedInputStream peek = new BufferedInputStream(wire, 8192);
                peek.mark(2);
                gzipFile = peek.read() == 0x1f && peek.read() == 0x8b;
                peek.reset();
                source = peek;
            }
        } catch (IOException e) {
            throw failures.body(e, deadline.passed(), encoded);
        }
        boolean gzip = encoded || gzipFile;
        BodyStreams.Guarded body = BodyStreams.decoded(source, gzip, maxBytes,
                e -> failures.body(e, deadline.passed(), gzip));
        try {
            read(reader, body, deadline);
            return new Download(false, wire.count(), received);
        } finally {
            connection.cancel();
            body.release();
        }
    }

    private void read(BodyReader reader, InputStream body, Deadline deadline) {
        try {
            reader.read(body);
        } catch (IOException e) {
            throw failures.reader(e, deadline.passed());
        }
    }

    private static boolean gzip(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return false;
        } else if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            return true;
        }
        throw new BlocklistDownloadException("bad_encoding",
                "the server used the content encoding '" + Printable.of(encoding) + "', not gzip");
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return Optional.ofNullable(header).map(Header::getValue).map(String::strip)
                .filter(v -> Printable.isHeaderSafe(v, MAX_VALIDATOR));
    }

    static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                // the connection was aborted first; what is left to fail here is of no interest
            }
        }
    }
}
