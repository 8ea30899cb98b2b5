package org.bangui.adapters.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.bangui.domain.blocklist.BlocklistDownloadException;
import org.bangui.domain.blocklist.BlocklistDownloadPort;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.Download;

/** {@link BlocklistDownloadPort} on Apache HttpClient 5, with the destination check in name resolution. */
public final class HttpBlocklistDownloadAdapter implements BlocklistDownloadPort, AutoCloseable {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * How long a download may take.
     *
     * @param connect to establish a connection (per address tried)
     * @param read the longest silence while waiting for the answer or reading the body
     * @param deadline the whole download, redirects included, however the server paces its bytes
     */
    public record Timeouts(Duration connect, Duration read, Duration deadline) {

        /** 10 s to connect, 30 s of silence, 5 min for the whole download. */
        public static final Timeouts DEFAULTS =
                new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));

        /** @throws IllegalArgumentException if a duration is not positive */
        public Timeouts {
            for (Duration d : new Duration[] {connect, read, deadline}) {
                if (Objects.requireNonNull(d, "timeout").isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("timeouts must be positive");
                }
            }
        }
    }

    private final long maxBytes;
    private final Timeouts timeouts;
    private final CloseableHttpClient client;
    private final DownloadFailures failures;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ResponseReader responses;

    /** With {@link Timeouts#DEFAULTS}; see {@link #HttpBlocklistDownloadAdapter(long, boolean, Timeouts)}. */
    public HttpBlocklistDownloadAdapter(long maxBytes, boolean allowPrivate) {
        this(maxBytes, allowPrivate, Timeouts.DEFAULTS);
    }

    /**
     * @param maxBytes the largest decoded body accepted (BANGUI_BLOCKLIST_MAX_BYTES)
     * @param allowPrivate also connect to loopback, private, link-local and shared addresses
     *                     (BANGUI_BLOCKLIST_ALLOW_PRIVATE); cloud metadata addresses stay refused
     */
    public HttpBlocklistDownloadAdapter(long maxBytes, boolean allowPrivate, Timeouts timeouts) {
        this(maxBytes, allowPrivate, timeouts, Set::of);
    }

    /**
     * @param ownAddresses this host's own addresses: refused as well unless {@code allowPrivate} (a service
     *                     firewalled only from outside must not become reachable through a list URL)
     */
    public HttpBlocklistDownloadAdapter(long maxBytes, boolean allowPrivate, Timeouts timeouts,
                                        Supplier<Set<InetAddress>> ownAddresses) {
        this(maxBytes, timeouts, ownAddressesRefused(new DestinationPolicy(allowPrivate), allowPrivate, ownAddresses),
                SystemDefaultDnsResolver.INSTANCE);
    }

    private static Function<InetAddress, Optional<String>> ownAddressesRefused(DestinationPolicy policy,
            boolean allowPrivate, Supplier<Set<InetAddress>> ownAddresses) {
        return address -> policy.refusal(address).or(() -> !allowPrivate && ownAddresses.get().contains(address)
                ? Optional.of(Printable.of(address.getHostAddress()) + " is an address of this host")
                : Optional.empty());
    }

    /** For tests: a stub resolver behind the check, and the check itself. */
    HttpBlocklistDownloadAdapter(long maxBytes, Timeouts timeouts, Function<InetAddress, Optional<String>> policy,
            DnsResolver delegate) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.client = DownloadClients.create(timeouts, new CheckedDnsResolver(delegate, policy));
        this.failures = new DownloadFailures(timeouts.connect(), timeouts.read(), timeouts.deadline());
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "blocklist-download-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.responses = new ResponseReader(maxBytes, failures);
    }

    @Override
    public Download download(URI url, Optional<CacheValidators> validators, BodyReader reader) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reader, "reader");
        CacheValidators sent = validators.orElse(CacheValidators.NONE);
        try (Deadline deadline = new Deadline(scheduler, timeouts.deadline())) {
            URI current = DownloadUrls.checked(url);
            for (int hop = 0;; hop++) {
                HttpGet get = request(current, sent);
                deadline.watch(get);
                ClassicHttpResponse response = null;
                try {
                    response = client.executeOpen(null, get, null);
                    int status = response.getCode();
                    if (status == 304 && !get.containsHeader("If-None-Match")
                            && !get.containsHeader("If-Modified-Since")) {
                        throw new BlocklistDownloadException("http_status",
                                "the server answered 304 to a request that was not conditional");
                    }
                    if (!REDIRECTS.contains(status)) {
                        return responses.answer(response, sent, reader, deadline, get);
                    }
                    if (hop == MAX_REDIRECTS) {
                        throw new BlocklistDownloadException("too_many_redirects",
                                "more than " + MAX_REDIRECTS + " redirects");
                    }
                    current = DownloadUrls.checked(DownloadUrls.location(current, response));
                } catch (IOException e) {
                    throw failures.request(e, current.getHost(), deadline.passed());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // the client refused to make the request (a malformed URL part it checks itself)
                    throw new BlocklistDownloadException("connection_failed", "the request to "
                            + Printable.of(current.getHost()) + " could not be made");
                } finally {
                    get.cancel(); // closes the connection: closing the response would drain the rest of the body
                    ResponseReader.closeQuietly(response);
                }
            }
        }
    }

    private static HttpGet request(URI url, CacheValidators validators) {
        HttpGet get = new HttpGet(url);
        get.addHeader("Accept", "text/plain, */*");
        get.addHeader("Accept-Encoding", "gzip");
        validators.etag().filter(v -> Printable.isHeaderSafe(v, ResponseReader.MAX_VALIDATOR))
                .ifPresent(v -> get.addHeader("If-None-Match", v));
        validators.lastModified().filter(v -> Printable.isHeaderSafe(v, ResponseReader.MAX_VALIDATOR))
                .ifPresent(v -> get.addHeader("If-Modified-Since", v));
        return get;
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        client.close();
    }
}
