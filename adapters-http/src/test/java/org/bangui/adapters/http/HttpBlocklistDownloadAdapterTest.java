package org.bangui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bangui.domain.blocklist.BlocklistDownloadException;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.Download;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against real servers on loopback: the JDK's HTTP server for well-formed answers (on 127.0.0.1, and on
 * 127.0.0.2 standing in for a public host where a test needs one), a raw socket server for stalls and drips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpBlocklistDownloadAdapterTest {

    private static final String LIST = "1.2.3.4\n5.6.7.0/24\n2001:db8::1\n";
    private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";
    private static final HttpBlocklistDownloadAdapter.Timeouts FAST = new HttpBlocklistDownloadAdapter.Timeouts(
            Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5));
    private static final int MAX = 64 * 1024;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] gzipped = gzip(LIST.getBytes(StandardCharsets.UTF_8));
    private HttpServer local;
    private HttpServer publicStandIn;
    private RawHttpServer raw;
    private HttpBlocklistDownloadAdapter adapter;

    @BeforeAll
    void startServers() throws IOException {
        local = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        local.createContext("/", this::handle);
        local.setExecutor(executor);
        local.start();
        publicStandIn = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        publicStandIn.createContext("/", this::handle);
        publicStandIn.setExecutor(executor);
        publicStandIn.start();
        raw = new RawHttpServer();
    }

    @AfterAll
    void stopServers() throws IOException {
        local.stop(0);
        publicStandIn.stop(0);
        raw.close();
        executor.shutdownNow();
    }

    @BeforeEach
    void clear() {
        requests.clear();
        lastHeaders.clear();
    }

    @AfterEach
    void closeAdapter() throws IOException {
        if (adapter != null) {
            adapter.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getLocalAddress().getAddress().getHostAddress() + path);
        exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(name.toLowerCase(), values.get(0)));
        var headers = exchange.getResponseHeaders();
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            switch (path) {
                case "/plain" -> {
                    headers.add("ETag", "\"v1\"");
                    headers.add("Last-Modified", LAST_MODIFIED);
                    headers.add("Set-Cookie", "session=abc");
                    send(exchange, 200, LIST.getBytes(StandardCharsets.UTF_8));
                }
                case "/gzip" -> {
                    headers.add("Content-Encoding", "gzip");
                    send(exchange, 200, gzipped);
                }
                case "/conditional" -> {
                    String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
                    String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                    if ("\"v1\"".equals(etag)) {
                        headers.add("ETag", "\"v1\"");
                        send(exchange, 304, null);
                    } else if (LAST_MODIFIED.equals(since)) {
                        send(exchange, 304, null);
                    } else {
                        send(exchange, 200, LIST.getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/error" -> send(exchange, 500, "oops".getBytes(StandardCharsets.UTF_8));
                case "/chain" -> {
                    int left = Integer.parseInt(query.substring("left=".length()));
                    if (left == 0) {
                        send(exchange, 200, LIST.getBytes(StandardCharsets.UTF_8));
                    } else {
                        headers.add("Location", "chain?left=" + (left - 1)); // relative
                        send(exchange, left % 2 == 0 ? 307 : 301, null);
                    }
                }
                case "/to-loopback" -> {
                    headers.add("Location", "http://127.0.0.1:" + local.getAddress().getPort() + "/plain");
                    send(exchange, 302, null);
                }
                case "/to-file" -> {
                    headers.add("Location", "file:///etc/passwd");
                    send(exchange, 302, null);
                }
                case "/endless" -> endless(exchange, out, false);
                case "/bomb" -> endless(exchange, out, true);
                case "/corrupt-gzip" -> {
                    headers.add("Content-Encoding", "gzip");
                    send(exchange, 200, "this is not gzip at all".getBytes(StandardCharsets.UTF_8));
                }
                case "/brotli" -> {
                    headers.add("Content-Encoding", "br");
                    send(exchange, 200, LIST.getBytes(StandardCharsets.UTF_8));
                }
                default -> send(exchange, 404, null);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Writes until the client hangs up: a list (or a gzip bomb of zeros) without end. */
    private static void endless(HttpExchange exchange, OutputStream out, boolean bomb) throws IOException {
        if (bomb) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = (bomb ? "\0" : "9.9.9.9\n").repeat(8192).getBytes(StandardCharsets.UTF_8);
        try (OutputStream body = bomb ? new GZIPOutputStream(out) : out) {
            while (true) {
                body.write(chunk);
            }
        } catch (IOException e) {
            // the client stopped reading: expected
        }
    }

    private static byte[] gzip(byte[] plain) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(plain);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpBlocklistDownloadAdapter adapter(boolean allowPrivate) {
        adapter = new HttpBlocklistDownloadAdapter(MAX, allowPrivate, FAST);
        return adapter;
    }

    /** Treats 127.0.0.2 as a public host, so a test can start from an allowed server on this machine. */
    private HttpBlocklistDownloadAdapter adapterWithPublicStandIn(boolean allowPrivate, DnsResolver dns,
            HttpBlocklistDownloadAdapter.Timeouts timeouts) {
        DestinationPolicy policy = new DestinationPolicy(allowPrivate);
        Function<InetAddress, Optional<String>> check = a ->
                a.getHostAddress().equals("127.0.0.2") ? Optional.empty() : policy.refusal(a);
        adapter = new HttpBlocklistDownloadAdapter(MAX, timeouts, check, dns);
        return adapter;
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + local.getAddress().getPort() + pathAndQuery;
    }

    private String publicUrl(String pathAndQuery) {
        return "http://127.0.0.2:" + publicStandIn.getAddress().getPort() + pathAndQuery;
    }

    /** Downloads into a string; the body read is the string's content. */
    private static final class Collect {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final AtomicInteger calls = new AtomicInteger();

        void read(InputStream in) throws IOException {
            calls.incrementAndGet();
            in.transferTo(body);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private static BlocklistDownloadException failure(ThrowingCallable call) {
        BlocklistDownloadException e = catchThrowableOfType(call, BlocklistDownloadException.class);
        assertThat(e).as("a BlocklistDownloadException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception:").doesNotContain("/tmp");
        return e;
    }

    @Test
    void downloadsAPlainListWithItsValidatorsAndByteCount() {
        Collect body = new Collect();

        Download download = adapter(true).download(URI.create(url("/plain")), Optional.empty(), body::read);

        assertThat(body.text()).isEqualTo(LIST);
        assertThat(download.notModified()).isFalse();
        assertThat(download.bytes()).isEqualTo(LIST.length());
        assertThat(download.validators()).isEqualTo(
                new CacheValidators(Optional.of("\"v1\""), Optional.of(LAST_MODIFIED)));
    }

    @Test
    void sendsItsUserAgentAcceptHeadersAndNoCookie() {
        HttpBlocklistDownloadAdapter downloader = adapter(true);
        downloader.download(URI.create(url("/plain")), Optional.empty(), new Collect()::read);
        downloader.download(URI.create(url("/plain")), Optional.empty(), new Collect()::read);

        assertThat(lastHeaders).containsEntry("user-agent", "BanGUI-blocklist/1")
                .containsEntry("accept", "text/plain, */*")
                .containsEntry("accept-encoding", "gzip")
                .doesNotContainKeys("cookie", "if-none-match", "if-modified-since");
    }

    @Test
    void decodesAGzipBodyAndCountsTheCompressedBytes() {
        Collect body = new Collect();

        Download download = adapter(true).download(URI.create(url("/gzip")), Optional.empty(), body::read);

        assertThat(body.text()).isEqualTo(LIST);
        assertThat(download.bytes()).isEqualTo(gzipped.length);
        assertThat(download.validators()).isEqualTo(CacheValidators.NONE);
    }

    @Test
    void answersNotModifiedForAMatchingEtagWithoutCallingTheReader() {
        CacheValidators previous = new CacheValidators(Optional.of("\"v1\""), Optional.empty());

        Download download = adapter(true).download(URI.create(url("/conditional")), Optional.of(previous),
                in -> { throw new AssertionError("the reader must not be called for a 304"); });

        assertThat(download).isEqualTo(new Download(true, 0, previous));
        assertThat(lastHeaders).containsEntry("if-none-match", "\"v1\"");
    }

    @Test
    void answersNotModifiedForAnUnchangedLastModifiedKeepingTheValidators() {
        CacheValidators previous = new CacheValidators(Optional.of("\"old\""), Optional.of(LAST_MODIFIED));

        Download download = adapter(true).download(URI.create(url("/conditional")), Optional.of(previous),
                in -> { throw new AssertionError("the reader must not be called for a 304"); });

        assertThat(download).isEqualTo(new Download(true, 0, previous));
        assertThat(lastHeaders).containsEntry("if-modified-since", LAST_MODIFIED);
    }

    @Test
    void refusesAServerErrorNamingTheStatus() {
        Collect body = new Collect();

        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/error")), Optional.empty(), body::read));

        assertThat(e.code()).isEqualTo("http_status");
        assertThat(e.getMessage()).contains("500");
        assertThat(body.calls).hasValue(0);
    }

    @Test
    void followsFiveRedirectsWithRelativeLocations() {
        Collect body = new Collect();

        adapter(true).download(URI.create(url("/chain?left=5")), Optional.empty(), body::read);

        assertThat(body.text()).isEqualTo(LIST);
        assertThat(requests).hasSize(6);
    }

    @Test
    void refusesASixthRedirect() {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/chain?left=6")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("too_many_redirects");
        assertThat(requests).hasSize(6);
    }

    @Test
    void refusesARedirectToLoopbackWithoutAllowPrivate() {
        HttpBlocklistDownloadAdapter downloader =
                adapterWithPublicStandIn(false, SystemDefaultDnsResolver.INSTANCE, FAST);

        BlocklistDownloadException e = failure(() ->
                downloader.download(URI.create(publicUrl("/to-loopback")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("destination_refused");
        assertThat(e.getMessage()).contains("127.0.0.1 is a loopback address");
        assertThat(e.refused()).isTrue();
        assertThat(requests).containsExactly("127.0.0.2/to-loopback");
    }

    @Test
    void followsARedirectToLoopbackWithAllowPrivate() {
        Collect body = new Collect();
        HttpBlocklistDownloadAdapter downloader =
                adapterWithPublicStandIn(true, SystemDefaultDnsResolver.INSTANCE, FAST);

        downloader.download(URI.create(publicUrl("/to-loopback")), Optional.empty(), body::read);

        assertThat(body.text()).isEqualTo(LIST);
        assertThat(requests).containsExactly("127.0.0.2/to-loopback", "127.0.0.1/plain");
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/to-file")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("unsupported_scheme");
    }

    @Test
    void endsAnOversizePlainBodyWithTooLarge() {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/endless")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("too_large");
        assertThat(e.getMessage()).contains(String.valueOf(MAX));
    }

    @Test
    void endsAGzipBombWithTooLargeWithoutDecompressingItAll() {
        // the bomb has no end: only stopping at the cap ends this download before the deadline (timeout)
        Collect body = new Collect();

        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/bomb")), Optional.empty(), body::read));

        assertThat(e.code()).isEqualTo("too_large");
        assertThat(body.body.size()).isLessThanOrEqualTo(MAX + 8192);
    }

    @Test
    void refusesACorruptGzipBodyAsBadEncoding() {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/corrupt-gzip")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("bad_encoding");
    }

    @Test
    void refusesAnEncodingItDidNotAskFor() {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url("/brotli")), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("bad_encoding");
    }

    @Test
    void endsAStallMidBodyWithTimeout() {
        BlocklistDownloadException e = failure(() -> adapter(true).download(
                URI.create("http://127.0.0.1:" + raw.port() + "/stall"), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("timeout");
        assertThat(e.getMessage()).contains("300 ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/drip-body", "/drip-head"})
    void endsADripFeedAtTheDeadline(String path) {
        // a byte every 50 ms never trips the 2 s read timeout: only the 1 s deadline ends this
        adapter = new HttpBlocklistDownloadAdapter(MAX, true, new HttpBlocklistDownloadAdapter.Timeouts(
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)));

        BlocklistDownloadException e = failure(() -> adapter.download(
                URI.create("http://127.0.0.1:" + raw.port() + path), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("timeout");
        assertThat(e.getMessage()).contains("deadline of 1000 ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "0.0.0.0", "127.0.0.2"})
    void refusesLocalDestinationsWithoutAllowPrivate(String host) {
        int port = local.getAddress().getPort();

        BlocklistDownloadException e = failure(() -> adapter(false).download(
                URI.create("http://" + host + ":" + port + "/plain"), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("destination_refused");
        assertThat(e.getMessage()).containsAnyOf("is a loopback address", "is an unspecified");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesAHostnameThatResolvesToLoopbackWithoutAllowPrivate() {
        StubDns dns = new StubDns(Map.of("list.example.test", List.of("127.0.0.1")));
        adapter = new HttpBlocklistDownloadAdapter(MAX, FAST, new DestinationPolicy(false)::refusal, dns);

        BlocklistDownloadException e = failure(() -> adapter.download(URI.create(
                "http://list.example.test:" + local.getAddress().getPort() + "/plain"), Optional.empty(),
                new Collect()::read));

        assertThat(e.code()).isEqualTo("destination_refused");
        assertThat(e.getMessage())
                .isEqualTo("refused to connect to list.example.test: 127.0.0.1 is a loopback address");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesTheMetadataAddressEvenWithAllowPrivate() {
        StubDns dns = new StubDns(Map.of("metadata.example.test", List.of("169.254.169.254")));
        adapter = new HttpBlocklistDownloadAdapter(MAX, FAST, new DestinationPolicy(true)::refusal, dns);

        BlocklistDownloadException e = failure(() -> adapter.download(
                URI.create("http://metadata.example.test/latest/meta-data/"), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("destination_refused");
        assertThat(e.getMessage()).contains("169.254.169.254 is a cloud metadata address");
    }

    @Test
    void connectsOnlyToTheAddressItCheckedWhenTheNameIsRebound() {
        // first answer allowed (127.0.0.1 with allowPrivate), every later answer refused (0.0.0.0, which would
        // reach this machine too): one resolution per connection, and a new connection is checked anew
        StubDns dns = new StubDns(Map.of("list.example.test", List.of("127.0.0.1", "0.0.0.0")));
        adapter = new HttpBlocklistDownloadAdapter(MAX, FAST, new DestinationPolicy(true)::refusal, dns);
        URI url = URI.create("http://list.example.test:" + local.getAddress().getPort() + "/plain");
        Collect body = new Collect();

        adapter.download(url, Optional.empty(), body::read);
        BlocklistDownloadException e = failure(() -> adapter.download(url, Optional.empty(), new Collect()::read));

        assertThat(body.text()).isEqualTo(LIST);
        assertThat(e.code()).isEqualTo("destination_refused");
        assertThat(e.getMessage()).contains("0.0.0.0 is an unspecified");
        assertThat(dns.asked).hasValue(2);
        assertThat(requests).containsExactly("127.0.0.1/plain");
    }

    @Test
    void reportsAnUnresolvableHost() {
        adapter = new HttpBlocklistDownloadAdapter(MAX, FAST, new DestinationPolicy(false)::refusal,
                new StubDns(Map.of()));

        BlocklistDownloadException e = failure(() -> adapter.download(
                URI.create("https://nowhere.example.test/list.txt"), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("unresolvable_host");
        assertThat(e.getMessage()).contains("nowhere.example.test");
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }

        BlocklistDownloadException e = failure(() -> adapter(true).download(
                URI.create("http://127.0.0.1:" + closedPort + "/"), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("connection_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://ftp.example.test/list.txt", "gopher://x.test/", "/relative"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        BlocklistDownloadException e = failure(() ->
                adapter(true).download(URI.create(url), Optional.empty(), new Collect()::read));

        assertThat(e.code()).isEqualTo("unsupported_scheme");
        assertThat(e.getMessage()).doesNotContain("/etc/passwd");
    }

    @Test
    void reportsAnIoExceptionOfTheReaderAsReadFailed() {
        BlocklistDownloadException e = failure(() -> adapter(true).download(URI.create(url("/plain")),
                Optional.empty(), in -> { throw new IOException("disk /var/lib/bangui full"); }));

        assertThat(e.code()).isEqualTo("read_failed");
        assertThat(e.getMessage()).doesNotContain("/var/lib");
    }

    @Test
    void passesACodedFailureOfTheReaderThroughUnchanged() {
        BlocklistDownloadException own = new BlocklistDownloadException("too_large", "the reader's own limit");

        BlocklistDownloadException e = failure(() -> adapter(true).download(URI.create(url("/plain")),
                Optional.empty(), in -> { throw own; }));

        assertThat(e).isSameAs(own);
    }

    @Test
    void letsTheReaderStopEarlyWithoutReadingTheRest() {
        AtomicBoolean read = new AtomicBoolean();

        Download download = adapter(true).download(URI.create(url("/endless")), Optional.empty(), in -> {
            read.set(in.read(new byte[16]) > 0);
        });

        assertThat(read).isTrue();
        assertThat(download.bytes()).isLessThan(MAX);
    }

    /** A resolver with fixed answers; a name with several answers gives them one per call, the last repeated. */
    private static final class StubDns implements DnsResolver {
        final Map<String, List<String>> answers;
        final AtomicInteger asked = new AtomicInteger();

        StubDns(Map<String, List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            int call = asked.getAndIncrement();
            List<String> addresses = answers.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(addresses.get(Math.min(call, addresses.size() - 1)))};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
