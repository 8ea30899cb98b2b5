package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Without {@code BANGUI_BLOCKLIST_ALLOW_PRIVATE}, lists on loopback, by address or by a name that resolves there,
 * are refused before any connection: the list server never sees a request, and the jail is unchanged.
 */
@MicronautTest(transactional = false)
class BlocklistRefusalIT extends SandboxedServiceTest {

    private final ListServer lists = new ListServer();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.blocklist.check-interval", "1s", "bangui.rate-limit-blocklist-imports", "off");
    }

    @AfterAll
    void stopLists() {
        lists.close();
    }

    @Test
    void refusesListsOnLoopbackByAddressAndByName() {
        lists.serve("/refused.txt", "203.0.113.100");
        String byAddress = lists.url("/refused.txt");
        String byName = byAddress.replace("127.0.0.1", "localhost");
        for (String url : List.of(byAddress, byName)) {
            Api.Response created = api.post("/api/v1/blocklists", "{\"name\":\"n" + url.length() + url.charAt(7)
                    + "\",\"url\":\"" + url + "\",\"jail\":\"blocklist\",\"schedule\":\"1h\"}",
                    "Content-Type", "application/json");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Map<String, Object> refused = finishedImport(((Number) created.json().get("id")).longValue());
            assertThat(refused.get("status")).isEqualTo("failed");
            assertThat((String) refused.get("error")).startsWith("destination_refused");
        }
        assertThat(lists.hits("/refused.txt")).isEmpty();
        assertThat(fail2ban.client("get", "blocklist", "banned")).doesNotContain("203.0.113.100");
    }

    @Test
    void refusesAnAddressOfThisHostThatIsNotPrivate() throws Exception {
        Optional<String> own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isSiteLocalAddress()
                        && !a.isLinkLocalAddress())
                .map(java.net.InetAddress::getHostAddress).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(own.isPresent(), "this host has no non-private IPv4 address");
        Api.Response created = api.post("/api/v1/blocklists", "{\"name\":\"own\",\"url\":\"http://"
                + own.get() + ":9/list\",\"jail\":\"blocklist\",\"schedule\":\"1h\"}",
                "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response preview = api.post("/api/v1/blocklists/" + created.json().get("id") + "/preview", "");
        assertThat(preview.json().get("code")).isEqualTo("destination_refused");
        assertThat((String) preview.json().get("detail")).contains("an address of this host");
    }

    @Test
    void refusesTheCloudMetadataAddress() {
        // redirects to loopback are refused by the same check at every hop: HttpBlocklistDownloadAdapterTest
        Api.Response created = api.post("/api/v1/blocklists", "{\"name\":\"metadata\",\"url\":"
                + "\"http://169.254.169.254/latest/meta-data\",\"jail\":\"blocklist\",\"schedule\":\"1h\"}",
                "Content-Type", "application/json");
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> refused = finishedImport(((Number) created.json().get("id")).longValue());
        assertThat((String) refused.get("error")).startsWith("destination_refused");
    }

    /** The newest import of the source, once it has ended. */
    private Map<String, Object> finishedImport(long source) {
        Object[] run = new Object[1];
        Eventually.await("the import of source " + source, Duration.ofSeconds(20), () -> {
            List<Map<String, Object>> imports = api.get("/api/v1/blocklists/imports?source=" + source)
                    .list("imports");
            run[0] = imports.isEmpty() ? null : imports.get(0);
            return run[0] != null && !"running".equals(imports.get(0).get("status"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> finished = (Map<String, Object>) run[0];
        return finished;
    }
}
