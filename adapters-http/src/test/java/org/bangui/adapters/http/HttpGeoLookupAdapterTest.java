package org.bangui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.net.IpAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback (the JDK's), each path answering one way. */
class HttpGeoLookupAdapterTest {

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private HttpServer server;
    private HttpGeoLookupAdapter adapter;

    private static final Map<String, String> ANSWERS = Map.of(
            "8.8.8.8", "{\"ip\":\"8.8.8.8\",\"country_code\":\"US\",\"city\":\"x\"}",
            "1.1.1.1", "{\"status\":\"success\",\"countryCode\":\"au\"}",
            "2001:4860::1", "DE\n",
            "9.9.9.9", "{\"country\":\"Switzerland\"}");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lookup/", exchange -> {
            String ip = exchange.getRequestURI().getPath().substring("/lookup/".length());
            requested.add(ip);
            byte[] body;
            int status = 200;
            if (ip.equals("4.4.4.4")) {
                body = ("{\"country_code\":\"US\",\"pad\":\"" + "x".repeat(20_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (ip.equals("5.5.5.5")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = "{\"country_code\":\"US\"}".getBytes(StandardCharsets.UTF_8);
            } else if (ANSWERS.containsKey(ip)) {
                body = ANSWERS.get(ip).getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "{\"country_code\":\"XX\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/redirect/", exchange -> {
            exchange.getResponseHeaders().add("Location", "/lookup/8.8.8.8");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        adapter = adapter("/lookup/{ip}");
    }

    private HttpGeoLookupAdapter adapter(String path) {
        return new HttpGeoLookupAdapter("http://127.0.0.1:" + server.getAddress().getPort() + path,
                Duration.ofMillis(500));
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        adapter.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private Optional<String> country(String ip) {
        return adapter.lookup(IpAddress.parse(ip)).country();
    }

    @Test
    void readsTheCountryCodeOfTheCommonAnswerShapes() {
        assertThat(country("8.8.8.8")).contains("US");
        assertThat(country("1.1.1.1")).contains("AU");
        assertThat(country("2001:4860::1")).as("plain text").contains("DE");
        assertThat(country("9.9.9.9")).as("a country name is not a code").isEmpty();
        assertThat(adapter.version()).isEqualTo("http");
    }

    @Test
    void errorsOversizedAnswersRedirectsAndSlowServersAreUnknown() {
        assertThat(adapter.lookup(IpAddress.parse("7.7.7.7"))).as("404").isEqualTo(GeoInfo.UNKNOWN);
        assertThat(adapter.lookup(IpAddress.parse("4.4.4.4"))).as("over the size cap").isEqualTo(GeoInfo.UNKNOWN);
        assertThat(adapter.lookup(IpAddress.parse("5.5.5.5"))).as("no answer in time").isEqualTo(GeoInfo.UNKNOWN);
        HttpGeoLookupAdapter redirected = adapter("/redirect/{ip}");
        assertThat(redirected.lookup(IpAddress.parse("8.8.8.8"))).as("redirects are not followed")
                .isEqualTo(GeoInfo.UNKNOWN);
    }

    @Test
    void reservedAddressesNeverLeaveTheHost() {
        assertThat(adapter.lookup(IpAddress.parse("10.0.0.1"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(adapter.lookup(IpAddress.parse("fd00::2"))).isEqualTo(GeoInfo.UNKNOWN);
        assertThat(requested).isEmpty();
    }

    @Test
    void aRefusedConnectionIsUnknown() throws IOException {
        HttpGeoLookupAdapter nowhere = adapter("/lookup/{ip}");
        server.stop(0);
        assertThat(nowhere.lookup(IpAddress.parse("8.8.8.8"))).isEqualTo(GeoInfo.UNKNOWN);
        nowhere.close();
    }
}
