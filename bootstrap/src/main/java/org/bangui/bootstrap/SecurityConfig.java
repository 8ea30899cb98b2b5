package org.bangui.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.ratelimit.RateLimit;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The {@code bangui.*} security settings, parsed: sessions, cookie, trusted proxies, CORS origins and rate
 * limits. See {@link SecuritySettings} for the raw input.
 *
 * @param sessionCacheTime zero disables the session cache
 * @param sessionSecret the configured cookie-signing secret, at least 32 characters; empty to use the file
 * @param setupToken the configured setup token; empty to use the file
 * @param metricsToken the bearer token of {@code /prometheus}, at least 32 characters; empty: nobody may scrape
 * @param limits the rate limit per action; an action that is off has no entry
 */
record SecurityConfig(Duration sessionIdleTimeout, Duration sessionLifetime, Duration sessionCacheTime,
                      Optional<String> sessionSecret, Optional<String> setupToken, Optional<String> metricsToken,
                      boolean cookieSecure,
                      List<IpNetwork> trustedProxies, List<String> corsOrigins, Map<LimitedAction, RateLimit> limits,
                      RateLimit loginLimit) {

    SecurityConfig {
        Objects.requireNonNull(sessionSecret, "sessionSecret");
        Objects.requireNonNull(setupToken, "setupToken");
        Objects.requireNonNull(metricsToken, "metricsToken");
        trustedProxies = List.copyOf(trustedProxies);
        corsOrigins = List.copyOf(corsOrigins);
        limits = Map.copyOf(limits);
    }

    /**
     * Parses the raw settings strictly.
     *
     * @throws IllegalArgumentException naming the setting whose value is malformed
     */
    static SecurityConfig from(SecuritySettings raw) {
        Optional<String> secret = Optional.ofNullable(raw.sessionSecret()).filter(s -> !s.isBlank());
        if (secret.isPresent() && secret.get().length() < 32) {
            throw new IllegalArgumentException("bangui.session-secret: must be at least 32 characters");
        }
        Optional<String> metricsToken = Optional.ofNullable(raw.metricsToken()).filter(s -> !s.isBlank());
        if (metricsToken.isPresent() && metricsToken.get().length() < 32) {
            throw new IllegalArgumentException("bangui.metrics-token: must be at least 32 characters");
        }
        return new SecurityConfig(
                SettingValues.duration("bangui.session-idle-timeout", raw.sessionIdleTimeout()),
                SettingValues.duration("bangui.session-lifetime", raw.sessionLifetime()),
                sessionCache(raw.sessionCacheTime()), secret,
                Optional.ofNullable(raw.setupToken()).filter(s -> !s.isBlank()), metricsToken,
                SettingValues.bool("bangui.cookie-secure", raw.cookieSecure()),
                proxies(raw.trustedProxies()), origins(raw.corsAllowedOrigins()),
                limits(raw.rateLimitGlobal(), raw.rateLimitBan(), raw.rateLimitUnban(), raw.rateLimitJailOperations(),
                        raw.rateLimitConfigWrites(), raw.rateLimitFilters(), raw.rateLimitActions(),
                        raw.rateLimitBlocklistImports(), raw.rateLimitJobs()),
                SettingValues.rateLimit("bangui.rate-limit-login", raw.rateLimitLogin()).orElseThrow(
                        () -> new IllegalArgumentException("bangui.rate-limit-login: the login throttle "
                                + "cannot be off")));
    }

    private static Duration sessionCache(String value) {
        return value != null && "0s".equals(value.trim()) ? Duration.ZERO
                : SettingValues.duration("bangui.session-cache-time", value);
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
                                                       String config, String filters, String actions,
                                                       String blocklist, String jobs) {
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
        SettingValues.rateLimit("bangui.rate-limit-filters", filters)
                .ifPresent(l -> limits.put(LimitedAction.FILTERS, l));
        SettingValues.rateLimit("bangui.rate-limit-actions", actions)
                .ifPresent(l -> limits.put(LimitedAction.ACTIONS, l));
        SettingValues.rateLimit("bangui.rate-limit-blocklist-imports", blocklist)
                .ifPresent(l -> limits.put(LimitedAction.BLOCKLIST_IMPORTS, l));
        SettingValues.rateLimit("bangui.rate-limit-jobs", jobs).ifPresent(l -> limits.put(LimitedAction.JOBS, l));
        return limits;
    }

    @Override
    public String toString() {
        return "SecurityConfig[secrets hidden]";
    }
}
