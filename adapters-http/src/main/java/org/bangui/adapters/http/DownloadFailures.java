package org.bangui.adapters.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.bangui.domain.blocklist.BlocklistDownloadException;

/**
 * Turns what went wrong on the network into a coded {@link BlocklistDownloadException}. Messages name the
 * host and the kind of failure, never an exception's own text (which could be anything) or a stack trace.
 */
final class DownloadFailures {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration deadline;

    DownloadFailures(Duration connectTimeout, Duration readTimeout, Duration deadline) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.deadline = deadline;
    }

    /** A failure while connecting, sending or waiting for the answer's head. */
    BlocklistDownloadException request(IOException e, String host, boolean deadlinePassed) {
        if (deadlinePassed) {
            return deadline();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckedDnsResolver.RefusedDestinationException) {
                return new BlocklistDownloadException("destination_refused",
                        "refused to connect to " + Printable.of(host) + ": " + t.getMessage());
            }
        }
        if (e instanceof UnknownHostException) {
            return new BlocklistDownloadException("unresolvable_host",
                    "cannot resolve the host " + Printable.of(host));
        } else if (e instanceof ConnectTimeoutException) {
            return new BlocklistDownloadException("timeout", "no connection to " + Printable.of(host)
                    + " within " + connectTimeout.toMillis() + " ms");
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new BlocklistDownloadException("connection_failed",
                    "cannot connect to " + Printable.of(host) + " (" + kind(e) + ")");
        } else if (e instanceof SSLException) {
            return new BlocklistDownloadException("connection_failed",
                    "no secure connection to " + Printable.of(host) + " (" + kind(e) + ")");
        }
        return body(e, false, false);
    }

    /** A failure while reading the body. */
    BlocklistDownloadException body(IOException e, boolean deadlinePassed, boolean gzip) {
        if (deadlinePassed) {
            return deadline();
        } else if (e instanceof InterruptedIOException) {
            return new BlocklistDownloadException("timeout",
                    "the server sent nothing for " + readTimeout.toMillis() + " ms");
        } else if (e instanceof ZipException || gzip && e instanceof EOFException) {
            return new BlocklistDownloadException("bad_encoding", "the gzip body is corrupt or truncated");
        }
        return new BlocklistDownloadException("read_failed", "reading the answer failed (" + kind(e) + ")");
    }

    /** An {@link IOException} the body reader threw itself. */
    BlocklistDownloadException reader(IOException e, boolean deadlinePassed) {
        return deadlinePassed ? deadline()
                : new BlocklistDownloadException("read_failed", "reading the list failed (" + kind(e) + ")");
    }

    private BlocklistDownloadException deadline() {
        return new BlocklistDownloadException("timeout",
                "the download took longer than its deadline of " + deadline.toMillis() + " ms");
    }

    /** A phrase for the failure; never the exception's class name (the API and the import log show it). */
    private static String kind(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("Closed") || name.contains("Reset") || e instanceof EOFException) {
            return "the connection closed early";
        } else if (name.contains("Protocol") || name.contains("Constraint") || name.contains("Malformed")) {
            return "the answer is not valid HTTP or exceeds its limits";
        } else if (e instanceof SSLException) {
            return "TLS handshake failed";
        } else if (e instanceof NoRouteToHostException) {
            return "no route to the host";
        } else if (e instanceof ConnectException) {
            return "connection refused";
        }
        return "I/O error";
    }
}
