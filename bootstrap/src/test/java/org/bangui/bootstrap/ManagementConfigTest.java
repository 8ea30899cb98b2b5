package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManagementConfigTest {

    @Test
    void withoutAPortTheEndpointsStayOnTheMainPort() {
        assertThat(ManagementConfig.from(new ManagementSettings(null, "127.0.0.1"), 8080).port()).isEmpty();
        assertThat(ManagementConfig.from(new ManagementSettings(" ", "127.0.0.1"), 8080).port()).isEmpty();
    }

    @Test
    void aPortAndAnAddressAreKept() {
        ManagementConfig config = ManagementConfig.from(new ManagementSettings("9090", " 10.0.0.5 "), 8080);
        assertThat(config.port()).hasValue(9090);
        assertThat(config.host()).isEqualTo("10.0.0.5");
        assertThat(ManagementConfig.from(new ManagementSettings("9090", "::1"), 8080).host()).isEqualTo("::1");
    }

    @Test
    void refusesMalformedPortsTheMainPortAndHostNames() {
        for (String port : new String[] {"0", "65536", "-1", "9090x", "99999999999", "http"}) {
            assertThatThrownBy(() -> ManagementConfig.from(new ManagementSettings(port, "127.0.0.1"), 8080))
                    .as(port).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bangui.management.port");
        }
        assertThatThrownBy(() -> ManagementConfig.from(new ManagementSettings("8080", "127.0.0.1"), 8080))
                .hasMessageContaining("must differ from bangui.port");
        for (String host : new String[] {"localhost", "metrics.example.org", "", "127.1", "0.0.0.0/0"}) {
            assertThatThrownBy(() -> ManagementConfig.from(new ManagementSettings("9090", host), 8080))
                    .as(host).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bangui.management.host");
        }
    }

    @Test
    void aWildcardHostIsRecognisedSoThatTheStartCanWarn() {
        for (String host : new String[] {"0.0.0.0", "::", "0:0:0:0:0:0:0:0"}) {
            assertThat(ManagementConfig.from(new ManagementSettings("9090", host), 8080).everyAddress()).as(host)
                    .isTrue();
        }
        for (String host : new String[] {"127.0.0.1", "::1", "10.0.0.5"}) {
            assertThat(ManagementConfig.from(new ManagementSettings("9090", host), 8080).everyAddress()).as(host)
                    .isFalse();
        }
    }
}
