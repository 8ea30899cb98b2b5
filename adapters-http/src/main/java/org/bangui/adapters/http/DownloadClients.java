package org.bangui.adapters.http;

import java.net.Proxy;
import java.net.Socket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the blocklist downloader: names resolved (and checked) only by the given resolver, direct
 * sockets (no proxy from system properties, not even SOCKS), no redirects, retries, cookies or automatic
 * decompression, bounded header lines, and no connection reuse, so every download resolves and checks anew.
 */
final class DownloadClients {

    static final String USER_AGENT = "BanGUI-blocklist/1";

    private DownloadClients() {
    }

    static CloseableHttpClient create(HttpBlocklistDownloadAdapter.Timeouts timeouts, DnsResolver resolver) {
        Timeout connect = Timeout.of(timeouts.connect());
        Timeout read = Timeout.of(timeouts.read());
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                proxy -> new Socket(Proxy.NO_PROXY), DefaultSchemePortResolver.INSTANCE, resolver,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register("https", DefaultClientTlsStrategy.createDefault()).build());
        ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom().setMaxLineLength(8192).setMaxHeaderCount(100).build())
                .build();
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(operator,
                PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.NEG_ONE_MILLISECOND, connections);
        manager.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                .setSocketTimeout(read).build());
        manager.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build());
        manager.setMaxTotal(8);
        manager.setDefaultMaxPerRoute(4);
        return HttpClients.custom()
                .setConnectionManager(manager)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read).setRedirectsEnabled(false).build())
                .setUserAgent(USER_AGENT)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }
}
