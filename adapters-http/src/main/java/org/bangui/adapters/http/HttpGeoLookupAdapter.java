package org.bangui.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoSourcePort;
import org.bangui.domain.geo.ReservedRanges;
import org.bangui.domain.net.IpAddress;

/**
 * {@link GeoSourcePort} on an HTTP lookup service: GET the URL template with {@code {ip}} replaced, and read a
 * two-letter country code from the JSON answer ({@code country_code}, {@code countryCode} or {@code country},
 * as the common services name it) or from a plain-text answer. Short timeouts, no redirects, no cookies, at
 * most {@value #MAX_BODY} bytes read; any failure answers unknown. Reserved ranges are never sent.
 */
public final class HttpGeoLookupAdapter implements GeoSourcePort, AutoCloseable {

    static final int MAX_BODY = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(HttpGeoLookupAdapter.class.getName());
    private static final Pattern JSON_COUNTRY = Pattern.compile(
            "\"(?:country_code|countryCode|country)\"\\s*:\\s*\"([A-Za-z]{2})\"");
    private static final Pattern PLAIN_COUNTRY = Pattern.compile("\\s*([A-Za-z]{2})\\s*");

    private final String template;
    private final CloseableHttpClient client;

    /**
     * @param template an http(s) URL with {@code {ip}} where the address goes
     * @param timeout connect, connection-pool and response timeout
     */
    public HttpGeoLookupAdapter(String template, Duration timeout) {
        if (!template.contains("{ip}")) {
            throw new IllegalArgumentException("the lookup URL needs an {ip} placeholder");
        }
        this.template = template;
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t)
                                .setSocketTimeout(t).build())
                        .setMaxConnTotal(4).setMaxConnPerRoute(4).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t)
                        .setResponseTimeout(t).setRedirectsEnabled(false).build())
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
    }

    @Override
    public GeoInfo lookup(IpAddress address) {
        if (ReservedRanges.isReserved(address)) {
            return GeoInfo.UNKNOWN;
        }
        HttpGet get = new HttpGet(template.replace("{ip}", address.text()));
        get.addHeader("Accept", "application/json, text/plain");
        try {
            return client.execute(get, response -> {
                HttpEntity entity = response.getEntity();
                if (response.getCode() != 200 || entity == null) {
                    LOG.log(System.Logger.Level.DEBUG, "geoip_http_lookup_failed status=" + response.getCode());
                    return GeoInfo.UNKNOWN;
                }
                try (InputStream body = entity.getContent()) {
                    byte[] bytes = body.readNBytes(MAX_BODY + 1);
                    if (bytes.length > MAX_BODY) {
                        LOG.log(System.Logger.Level.WARNING, "geoip_http_lookup_failed reason=response_too_large");
                        return GeoInfo.UNKNOWN;
                    }
                    return country(new String(bytes, StandardCharsets.UTF_8))
                            .map(c -> new GeoInfo(Optional.of(c), Optional.empty(), Optional.empty()))
                            .orElse(GeoInfo.UNKNOWN);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "geoip_http_lookup_failed error=" + e.getClass().getSimpleName());
            return GeoInfo.UNKNOWN;
        }
    }

    @Override
    public String version() {
        return "http";
    }

    /** The country code in a response body, if there is one. */
    static Optional<String> country(String body) {
        Matcher json = JSON_COUNTRY.matcher(body);
        if (json.find()) {
            return Optional.of(json.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher plain = PLAIN_COUNTRY.matcher(body);
        return plain.matches() ? Optional.of(plain.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
