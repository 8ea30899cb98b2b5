package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code bangui.*} settings: sessions, cookie, metrics token, trusted proxies, CORS origins and rate limits, as
 * written: the raw input that {@link SecurityConfig#from} parses once at start-up.
 */
@ConfigurationProperties("bangui")
public record SecuritySettings(
        @Bindable(defaultValue = "30m") String sessionIdleTimeout,
        @Bindable(defaultValue = "12h") String sessionLifetime,
        @Bindable(defaultValue = "1s") String sessionCacheTime,
        @Nullable String sessionSecret,
        @Nullable String setupToken,
        @Nullable String metricsToken,
        @Bindable(defaultValue = "true") String cookieSecure,
        @Bindable(defaultValue = "") String trustedProxies,
        @Bindable(defaultValue = "") String corsAllowedOrigins,
        @Bindable(defaultValue = "200/1m") String rateLimitGlobal,
        @Bindable(defaultValue = "100/1m") String rateLimitBan,
        @Bindable(defaultValue = "100/1m") String rateLimitUnban,
        @Bindable(defaultValue = "100/1m") String rateLimitJailOperations,
        @Bindable(defaultValue = "50/1m") String rateLimitConfigWrites,
        @Bindable(defaultValue = "50/1m") String rateLimitFilters,
        @Bindable(defaultValue = "50/1m") String rateLimitActions,
        @Bindable(defaultValue = "10/1h") String rateLimitBlocklistImports,
        @Bindable(defaultValue = "5/15m") String rateLimitLogin,
        @Bindable(defaultValue = "30/1m") String rateLimitJobs) {

    @Override
    public String toString() {
        return "SecuritySettings[secrets hidden]";
    }
}
