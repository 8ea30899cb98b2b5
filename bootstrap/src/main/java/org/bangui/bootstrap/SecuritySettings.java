package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.shared.InvalidInputException;

/**
 * {@code bangui.*} settings: sessions, cookie, trusted proxies, CORS origins and rate limits. Every
 * value is parsed at start-up (this is a context bean); a malformed one stops the service with its name.
 */
@Context
@ConfigurationProperties("bangui")
public record SecuritySettings(
        @Bindable(defaultValue = "30m") String sessionIdleTimeout,
        @Bindable(defaultValue = "12h") String sessionLifetime,
        @Bindable(defaultValue = "1s") String sessionCacheTime,
        @Nullable String sessionSecret,
        @Nullable String setupToken,
        @Bindable(defaultValue = "true") String cookieSecure,
        @Bindable(defaultValue = "") String trustedProxies,
        @Bindable(defaultValue = "http://localhost:5173,https://localhost:5173,http://127.0.0.1:5173,https://127.0.0.1:5173")
        String corsAllowedOrigins,
        @Bindable(defaultValue = "200/1m") String rateLimitGlobal,
        @Bindable(defaultValue = "100/1m") String rateLimitBan,
        @Bindable(defaultValue = "100/1m") String rateLimitUnban,
        @Bindable(defaultValue = "100/1m") String rateLimitJailOperations,
        @Bindable(defaultValue = "50/1m") String rateLimitConfigWrites,
        @Bindable(defaultValue = "10/1h") String rateLimitBlocklistImports,
        @Bindable(defaultValue = "5/15m") String rateLimitLogin,
        @Bindable(defaultValue = "30/1m") String rateLimitJobs) {

    public SecuritySettings {
        idleTimeout(sessionIdleTimeout);
        SettingValues.duration("bangui.session-lifetime", sessionLifetime);
        sessionCache(sessionCacheTime);
        SettingValues.bool("bangui.cookie-secure", cookieSecure);
        if (sessionSecret != null && !sessionSecret.isBlank() && sessionSecret.length() < 32) {
            throw new IllegalArgumentException("bangui.session-secret: must be at least 32 characters");
        }
        proxies(trustedProxies);
        origins(corsAllowedOrigins);
        limits(rateLimitGlobal, rateLimitBan, rateLimitUnban, rateLimitJailOperations, rateLimitConfigWrites,
                rateLimitBlocklistImports);
        SettingValues.rateLimit("bangui.rate-limit-login", rateLimitLogin).orElseThrow(
                () -> new IllegalArgumentException("bangui.rate-limit-login: the login throttle cannot be off"));
        SettingValues.rateLimit("bangui.rate-limit-jobs", rateLimitJobs);
    }

    Duration idleTimeoutDuration() {
        return idleTimeout(sessionIdleTimeout);
    }

    Duration lifetimeDuration() {
        return SettingValues.duration("bangui.session-lifetime", sessionLifetime);
    }

    Duration sessionCacheDuration() {
        return sessionCache(sessionCacheTime);
    }

    private static Duration sessionCache(String value) {
        return "0s".equals(value.trim()) ? Duration.ZERO : SettingValues.duration("bangui.session-cache-time", value);
    }

    boolean secureCookie() {
        return SettingValues.bool("bangui.cookie-secure", cookieSecure);
    }

    List<IpNetwork> trustedProxyNetworks() {
        return proxies(trustedProxies);
    }

    List<String> corsOrigins() {
        return origins(corsAllowedOrigins);
    }

    RateLimit loginLimit() {
        return SettingValues.rateLimit("bangui.rate-limit-login", rateLimitLogin).orElseThrow();
    }

    Map<LimitedAction, RateLimit> limitsByAction() {
        Map<LimitedAction, RateLimit> limits = limits(rateLimitGlobal, rateLimitBan, rateLimitUnban,
                rateLimitJailOperations, rateLimitConfigWrites, rateLimitBlocklistImports);
        SettingValues.rateLimit("bangui.rate-limit-jobs", rateLimitJobs).ifPresent(l -> limits.put(LimitedAction.JOBS, l));
        return limits;
    }

    private static Duration idleTimeout(String value) {
        return SettingValues.duration("bangui.session-idle-timeout", value);
    }

    private static List<IpNetwork> proxies(String value) {
        List<IpNetwork> networks = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                try {
                    networks.add(IpNetwork.parse(entry.trim()));
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException("bangui.trusted-proxies: '" + entry.trim()
                            + "' is not an address or CIDR network");
                }
            }
        }
        return List.copyOf(networks);
    }

    private static List<String> origins(String value) {
        List<String> origins = Arrays.stream(value.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (origins.contains("*")) {
            throw new IllegalArgumentException("bangui.cors-allowed-origins: '*' cannot be combined with "
                    + "credentials (the session cookie); list the origins of the web frontend instead");
        }
        for (String origin : origins) {
            if (!origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new IllegalArgumentException("bangui.cors-allowed-origins: '" + origin
                        + "' is not an origin such as https://bangui.example.org");
            }
        }
        return origins;
    }

    private static Map<LimitedAction, RateLimit> limits(String global, String ban, String unban, String jail,
                                                       String config, String blocklist) {
        Map<LimitedAction, RateLimit> limits = new EnumMap<>(LimitedAction.class);
        SettingValues.rateLimit("bangui.rate-limit-global", global)
                .ifPresent(l -> limits.put(LimitedAction.GLOBAL, l));
        SettingValues.rateLimit("bangui.rate-limit-ban", ban).ifPresent(l -> limits.put(LimitedAction.BAN, l));
        SettingValues.rateLimit("bangui.rate-limit-unban", unban)
                .ifPresent(l -> limits.put(LimitedAction.UNBAN, l));
        SettingValues.rateLimit("bangui.rate-limit-jail-operations", jail)
                .ifPresent(l -> limits.put(LimitedAction.JAIL_OPERATIONS, l));
        SettingValues.rateLimit("bangui.rate-limit-config-writes", config)
                .ifPresent(l -> limits.put(LimitedAction.CONFIG_WRITES, l));
        SettingValues.rateLimit("bangui.rate-limit-blocklist-imports", blocklist)
                .ifPresent(l -> limits.put(LimitedAction.BLOCKLIST_IMPORTS, l));
        return limits;
    }

    @Override
    public String toString() {
        return "SecuritySettings[secrets hidden]";
    }
}
