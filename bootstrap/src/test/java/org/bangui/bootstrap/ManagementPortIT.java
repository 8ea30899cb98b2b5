package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code BANGUI_MANAGEMENT_PORT} set, {@code /prometheus} is served on that port only, without a token, on
 * the management host only (here 127.0.0.2, another loopback address, so that the test can tell the bind apart);
 * the main port no longer has it, token or not, and keeps BanGUI's own health probes.
 */
@MicronautTest(transactional = false)
class ManagementPortIT extends SandboxedServiceTest {

    private static final String TOKEN = "management-it-token-2b4d6f8a0c1e3f5a7b9d";
    private static final String HOST = "127.0.0.2";
    private int managementPort;

    @Override
    protected Map<String, String> extraProperties() {
        if (managementPort == 0) { // asked more than once: one port per class
            managementPort = freePort();
        }
        return Map.of("bangui.metrics-token", TOKEN, "bangui.management.port", Integer.toString(managementPort),
                "bangui.management.host", HOST);
    }

    private Api management() {
        return new Api(URI.create("http://" + HOST + ":" + managementPort), json);
    }

    @Test
    void theManagementPortGivesTheMetricsWithoutAToken() {
        Api.Response metrics = management().get("/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^jvm_memory_used_bytes\\{")
                .containsPattern("(?m)^bangui_scheduler_leader ");
    }

    @Test
    void theMainPortHasNoMetricsAnyMoreTokenOrNot() {
        Api.Response anonymousWithToken = anonymous.get("/prometheus", "Authorization", "Bearer " + TOKEN);
        assertThat(anonymousWithToken.status()).isEqualTo(401); // no such route here: a session is required
        assertThat(anonymousWithToken.body()).doesNotContain("jvm_");
        Api.Response sessionWithToken = api.get("/prometheus", "Authorization", "Bearer " + TOKEN);
        assertThat(sessionWithToken.status()).isEqualTo(404);
        assertThat(sessionWithToken.contentType()).startsWith("application/problem+json");
        assertThat(sessionWithToken.body()).doesNotContain("jvm_");
    }

    @Test
    void theProbesAndTheApiStayOnTheMainPort() {
        assertThat(anonymous.get("/api/v1/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health/ready").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/jails").status()).isEqualTo(200);
        Api.Response probe = management().get("/api/v1/health/live");
        assertThat(probe.status()).isIn(401, 404);
        Api.Response jails = management().withSession(api.cookie(), "").get("/api/v1/jails");
        assertThat(jails.status()).isEqualTo(404);
        assertThat(jails.body()).doesNotContain("sshd");
    }

    @Test
    void theManagementPortListensOnTheManagementHostOnly() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), managementPort), 2_000);
            assertThat(socket.isConnected()).isTrue();
        }
        // another address of the same machine (loopback routes all of 127/8 here) reaches nothing on that port
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), managementPort), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    /** A port no listener has at the moment, on the management host. */
    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
