package org.bangui.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Mode;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Protocol;
import org.junit.jupiter.api.Test;

class ExternalLoggingSettingsTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void unsetEmptyOrOffMeansNothingIsShipped() {
        assertThat(ExternalLoggingSettings.fromEnvironment(env())).isEmpty();
        assertThat(ExternalLoggingSettings.fromEnvironment(env("BANGUI_EXTERNAL_LOGGING", " "))).isEmpty();
        assertThat(ExternalLoggingSettings.fromEnvironment(env("BANGUI_EXTERNAL_LOGGING", "off",
                "BANGUI_EXTERNAL_LOGGING_PORT", "not even read"))).isEmpty();
    }

    @Test
    void defaultsToUdpTheModesUsualPortAndNotRequired() {
        assertThat(ExternalLoggingSettings.fromEnvironment(env("BANGUI_EXTERNAL_LOGGING", "syslog",
                "BANGUI_EXTERNAL_LOGGING_HOST", "logs.example"))).contains(
                new ExternalLoggingSettings(Mode.SYSLOG, "logs.example", 514, Protocol.UDP, false));
        assertThat(ExternalLoggingSettings.fromEnvironment(env("BANGUI_EXTERNAL_LOGGING", "gelf",
                "BANGUI_EXTERNAL_LOGGING_HOST", "10.0.0.5", "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "tls",
                "BANGUI_EXTERNAL_LOGGING_REQUIRED", "true"))).contains(
                new ExternalLoggingSettings(Mode.GELF, "10.0.0.5", 12201, Protocol.TLS, true));
    }

    @Test
    void refusesEachWrongValueNamingItsSetting() {
        Map<String, String> good = env("BANGUI_EXTERNAL_LOGGING", "gelf", "BANGUI_EXTERNAL_LOGGING_HOST", "h");
        assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING", "graylog"),
                "BANGUI_EXTERNAL_LOGGING: 'graylog' is not off, syslog or gelf");
        assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING_HOST", ""),
                "BANGUI_EXTERNAL_LOGGING_HOST: must be set when BANGUI_EXTERNAL_LOGGING is gelf");
        assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING_HOST", "bad host/x"),
                "BANGUI_EXTERNAL_LOGGING_HOST: 'bad host/x' is not a host name or address");
        assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING_PROTOCOL", "http"),
                "BANGUI_EXTERNAL_LOGGING_PROTOCOL: 'http' is not udp, tcp or tls");
        for (String port : new String[] {"0", "65536", "-1", "12a", "999999"}) {
            assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING_PORT", port),
                    "BANGUI_EXTERNAL_LOGGING_PORT: '" + port + "' is not a port number from 1 to 65535");
        }
        assertRefused(with(good, "BANGUI_EXTERNAL_LOGGING_REQUIRED", "yes"),
                "BANGUI_EXTERNAL_LOGGING_REQUIRED: 'yes' is neither true nor false");
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }

    private static void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> ExternalLoggingSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
