package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.ratelimit.RateLimit;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    private static SecurityConfig settings(String cors, String proxies, String global, String secret) {
        return settings(cors, proxies, global, secret, null);
    }

    private static SecurityConfig settings(String cors, String proxies, String global, String secret,
                                           String metricsToken) {
        return SecurityConfig.from(new SecuritySettings("30m", "12h", "1s", secret, null, metricsToken, "true",
                proxies, cors, global, "100/1m", "100/1m", "100/1m", "50/1m", "50/1m", "50/1m", "10/1h", "5/15m",
                "30/1m"));
    }

    @Test
    void wildcardOriginIsRefusedBecauseTheApiUsesCredentials() {
        assertThatThrownBy(() -> settings("https://a.example,*", "", "200/1m", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'*' cannot be combined");
    }

    @Test
    void emptyOriginListDisablesCors() {
        assertThat(settings("", "", "200/1m", null).corsOrigins()).isEmpty();
        assertThat(settings(" , ", "", "200/1m", null).corsOrigins()).isEmpty();
    }

    @Test
    void refusesMalformedValuesNamingTheSetting() {
        assertThatThrownBy(() -> settings("ftp://x", "", "200/1m", null)).hasMessageContaining("cors-allowed-origins");
        assertThatThrownBy(() -> settings("", "10.0.0.0/33", "200/1m", null)).hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> settings("", "proxy.example", "200/1m", null)).hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> settings("", "", "200 per minute", null)).hasMessageContaining("rate-limit-global");
        assertThatThrownBy(() -> settings("", "", "200/1m", "too-short")).hasMessageContaining("session-secret");
        assertThatThrownBy(() -> settings("", "", "200/1m", null, "x".repeat(31)))
                .hasMessageContaining("bangui.metrics-token").hasMessageNotContaining("x".repeat(31));
    }

    @Test
    void metricsTokenIsOptionalAndKeptWhenLongEnough() {
        assertThat(settings("", "", "200/1m", null).metricsToken()).isEmpty();
        assertThat(settings("", "", "200/1m", null, " ").metricsToken()).isEmpty();
        assertThat(settings("", "", "200/1m", null, "m".repeat(32)).metricsToken()).contains("m".repeat(32));
    }

    @Test
    void readsLimitsAndTurnsThemOff() {
        SecurityConfig s = settings("", "10.0.0.0/8, 2001:db8::1", "off", null);
        assertThat(s.limits()).doesNotContainKey(LimitedAction.GLOBAL)
                .containsEntry(LimitedAction.BLOCKLIST_IMPORTS, new RateLimit(10, Duration.ofHours(1)));
        assertThat(s.loginLimit()).isEqualTo(new RateLimit(5, Duration.ofMinutes(15)));
        assertThat(s.trustedProxies()).hasSize(2);
        assertThat(s.toString()).doesNotContain("30m").doesNotContain("PT30M");
        assertThat(s.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    }
}
