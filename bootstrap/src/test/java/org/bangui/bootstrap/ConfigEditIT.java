package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The configuration editor end to end, on a real fail2ban and its real config dir: writes land in {@code .local}
 * files only and change only the edited bytes, a broken filter is refused with the files restored and fail2ban
 * still running the old one, a reload that leaves a jail down is rolled back, and a created jail bans from log
 * lines and goes away when disabled.
 */
@MicronautTest(transactional = false)
class ConfigEditIT extends SandboxedServiceTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.rate-limit-config-writes", "off", "bangui.rate-limit-filters", "off");
    }

    @Test
    void listsEveryJailWithWhereEachValueWinsAndWhatFail2banWouldRun() {
        List<Map<String, Object>> jails = api.get("/api/v1/config/jails").list("jails");
        assertThat(jails).extracting(j -> j.get("name")).contains("sshd", "nginx-http-auth", "blocklist");

        Map<String, Object> sshd = api.get("/api/v1/config/jails/sshd").json();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> values = (Map<String, Map<String, Object>>) sshd.get("values");
        assertThat(values.get("usedns")).containsEntry("value", "no").containsEntry("file", "jail.conf")
                .containsEntry("section", "DEFAULT");
        @SuppressWarnings("unchecked")
        Map<String, Object> effective = (Map<String, Object>) sshd.get("effective");
        assertThat(effective).containsEntry("backend", "polling").containsEntry("filter", "sshd");
        assertThat(String.valueOf(effective.get("logpath"))).isEqualTo("[" + fail2ban.logFile("sshd") + "]");
        assertThat((List<?>) effective.get("failregex")).isNotEmpty();
        assertThat(api.get("/api/v1/config/jails/no-such-jail").status()).isEqualTo(404);
    }

    @Test
    void anEditGoesToTheJailsOwnLocalFileOnlyAndTakesEffectAfterAReload() throws IOException {
        byte[] shipped = Files.readAllBytes(conf("jail.conf"));
        Api.Response put = api.put("/api/v1/config/jails/nginx-http-auth",
                "{\"values\":{\"maxretry\":\"7\",\"findtime\":\"15m\"}}", "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        assertThat(Files.readAllBytes(conf("jail.conf"))).isEqualTo(shipped);
        String local = Files.readString(conf("jail.d/nginx-http-auth.local"));
        assertThat(local).isEqualTo("[nginx-http-auth]\nmaxretry = 7\nfindtime = 15m\n");
        // inherited from [DEFAULT] for everyone; overridden for this jail only
        assertThat(valueOf("sshd", "maxretry")).containsEntry("value", "3").containsEntry("file", "jail.conf");
        assertThat(valueOf("nginx-http-auth", "maxretry")).containsEntry("value", "7")
                .containsEntry("file", "jail.d/nginx-http-auth.local").containsEntry("line", 2);

        Api.Response reload = api.post("/api/v1/config/reload", "{\"jail\":\"nginx-http-auth\"}",
                "Content-Type", "application/json");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(fail2ban.client("get", "nginx-http-auth", "maxretry").strip()).isEqualTo("7");
        assertThat(fail2ban.client("get", "sshd", "maxretry").strip()).isEqualTo("3");

        Api.Response removed = api.put("/api/v1/config/jails/nginx-http-auth",
                "{\"values\":{\"maxretry\":null,\"findtime\":null}}", "Content-Type", "application/json");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(valueOf("nginx-http-auth", "maxretry")).containsEntry("value", "3");
    }

    @Test
    void anExistingLocalFileKeepsEveryByteOutsideTheEditedLine() throws IOException {
        String before = "# my notes, keep them\r\n[blocklist]\r\n; old comment\r\nbantime:\t86400   \r\n\r\n"
                + "maxretry = 1\r\n# trailing comment";
        Files.createDirectories(conf("jail.d"));
        Files.writeString(conf("jail.d/blocklist.local"), before);

        Api.Response put = api.put("/api/v1/config/jails/blocklist", "{\"values\":{\"maxretry\":2}}",
                "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        assertThat(Files.readString(conf("jail.d/blocklist.local")))
                .isEqualTo(before.replace("maxretry = 1\r\n", "maxretry = 2\r\n"));
        List<Map<String, Object>> changes = api.get("/api/v1/config/changes").list("changes");
        assertThat(changes.get(0)).containsEntry("file", "jail.d/blocklist.local");
        assertThat((String) changes.get(0).get("diff")).contains("-maxretry = 1", "+maxretry = 2");
        List<Map<String, Object>> audit = api.get("/api/v1/audit?action=config_update").list("entries");
        assertThat(audit.get(0).get("target").toString()).contains("jail.d/blocklist.local");
        assertThat(audit.get(0).get("detail").toString()).contains("+maxretry = 2");

        Api.Response revert = api.post("/api/v1/config/changes/" + changes.get(0).get("id") + "/revert", "");
        assertThat(revert.status()).as(revert.body()).isEqualTo(200);
        assertThat(Files.readString(conf("jail.d/blocklist.local"))).isEqualTo(before);
    }

    @Test
    void aValueAFileReadLaterStillDefinesIsRefusedAsShadowedAndNothingChanges() throws IOException {
        Files.createDirectories(conf("jail.d"));
        // the jail's own .local includes a file read after it, which pins bantime
        Files.writeString(conf("jail.d/sshd.local"), "[INCLUDES]\nafter = ../sshd-pin.conf\n\n[sshd]\n");
        Files.writeString(conf("sshd-pin.conf"), "[sshd]\nbantime = 1234\n");
        try {
            byte[] local = Files.readAllBytes(conf("jail.d/sshd.local"));

            Api.Response put = api.put("/api/v1/config/jails/sshd", "{\"values\":{\"bantime\":\"2h\"}}",
                    "Content-Type", "application/json");

            assertThat(put.status()).as(put.body()).isEqualTo(409);
            assertThat(put.json()).containsEntry("code", "shadowed");
            assertThat((String) put.json().get("detail")).contains("sshd-pin.conf");
            assertThat(Files.readAllBytes(conf("jail.d/sshd.local"))).isEqualTo(local);
        } finally {
            Files.delete(conf("jail.d/sshd.local"));
            Files.delete(conf("sshd-pin.conf"));
        }
    }

    @Test
    void aChangedActionRunsAfterAReloadOfTheJail() {
        // fail2ban 1.0's plain reload keeps a jail's old actions when they changed (and may leave none)
        assertThat(api.post("/api/v1/config/jails", "{\"name\":\"action-test\"}", "Content-Type",
                "application/json").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/config/reload", "{\"jail\":\"action-test\"}", "Content-Type",
                "application/json").status()).isEqualTo(200);
        assertThat(fail2ban.client("get", "action-test", "actions")).contains("bangui-noop");

        Api.Response put = api.put("/api/v1/config/jails/action-test", "{\"values\":{\"action\":\"dummy\"}}",
                "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Api.Response reload = api.post("/api/v1/config/reload", "{\"jail\":\"action-test\"}", "Content-Type",
                "application/json");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(fail2ban.client("get", "action-test", "actions")).contains("dummy").doesNotContain("bangui-noop");

        assertThat(api.put("/api/v1/config/jails/action-test", "{\"values\":{\"action\":null}}",
                "Content-Type", "application/json").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/config/reload", "").status()).isEqualTo(200);
        assertThat(fail2ban.client("get", "action-test", "actions")).contains("bangui-noop").doesNotContain("dummy");
    }

    @Test
    void aConfiguredFilterTellsPerLineWhetherItMatchedAndWhichAddress() {
        Api.Response test = api.post("/api/v1/config/filters/sshd/test", "{\"lines\":["
                + "\"Nov 21 05:22:27 host sshd[123]: Failed password for root from 203.0.113.5 port 50021 ssh2\","
                + "\"Nov 21 05:22:28 host sshd[123]: Accepted publickey for root from 203.0.113.6 port 50022\"]}",
                "Content-Type", "application/json");

        assertThat(test.status()).as(test.body()).isEqualTo(200);
        List<Map<String, Object>> lines = test.list("lines");
        assertThat(lines.get(0)).containsEntry("matched", true).containsEntry("host", "203.0.113.5");
        assertThat(lines.get(1)).containsEntry("matched", false);
        assertThat(test.json()).containsEntry("matched", 1);
        assertThat(api.post("/api/v1/config/filters/no-such-filter/test", "{\"lines\":[\"x\"]}", "Content-Type",
                "application/json").status()).isEqualTo(404);
    }

    @Test
    void aRevertOfAFileChangedSinceIsRefused() throws IOException {
        Api.Response put = api.put("/api/v1/config/jails/sshd", "{\"values\":{\"findtime\":\"20m\"}}",
                "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        long id = ((Number) api.get("/api/v1/config/changes?limit=1").list("changes").get(0).get("id")).longValue();
        Files.writeString(conf("jail.d/sshd.local"), "# by hand\n", java.nio.file.StandardOpenOption.APPEND);

        Api.Response revert = api.post("/api/v1/config/changes/" + id + "/revert", "");

        assertThat(revert.status()).as(revert.body()).isEqualTo(409);
        assertThat(revert.json()).containsEntry("code", "changed_since");
        assertThat(Files.readString(conf("jail.d/sshd.local"))).contains("findtime = 20m", "# by hand");
        assertThat(api.put("/api/v1/config/jails/sshd", "{\"values\":{\"findtime\":null}}", "Content-Type",
                "application/json").status()).isEqualTo(200);
    }

    @Test
    void aFilterWhoseRegexDoesNotCompileIsRefusedAndFail2banKeepsTheOldOne() {
        String running = fail2ban.client("get", "sshd", "failregex");

        Api.Response put = api.put("/api/v1/config/filters/sshd",
                "{\"values\":{\"failregex\":[\"^(unclosed <HOST>\"]}}", "Content-Type", "application/json");

        assertThat(put.status()).as(put.body()).isEqualTo(422);
        assertThat(put.json()).containsEntry("code", "config_invalid");
        assertThat(ProblemChecks.problems(put)).isEmpty();
        assertThat(conf("filter.d/sshd.local")).doesNotExist();
        Api.Response reload = api.post("/api/v1/config/reload", "");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(fail2ban.client("get", "sshd", "failregex")).isEqualTo(running);
    }

    @Test
    void aReloadThatLeavesAJailDownRestoresTheFilesAndBringsItBack() throws IOException {
        // fail2ban's test accepts an unknown log encoding; the server then cannot start the jail
        Api.Response put = api.put("/api/v1/config/jails/blocklist",
                "{\"values\":{\"logencoding\":\"no-such-encoding\"}}", "Content-Type", "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        // another jail's reload succeeds and must not make BanGUI forget the untried change
        assertThat(api.post("/api/v1/config/reload", "{\"jail\":\"sshd\"}", "Content-Type", "application/json")
                .status()).isEqualTo(200);

        Api.Response reload = api.post("/api/v1/config/reload", "");

        assertThat(reload.status()).as(reload.body()).isEqualTo(502);
        assertThat((String) reload.json().get("detail")).contains("restored jail.d/blocklist.local");
        assertThat(reload.json()).containsEntry("code", "reload_failed");
        assertThat((String) reload.json().get("detail")).contains("blocklist", "every jail runs again");
        assertThat(ProblemChecks.leaks(reload.body())).isEmpty();
        assertThat(fail2ban.client("status")).contains("blocklist", "sshd", "nginx-http-auth");
        assertThat(Files.exists(conf("jail.d/blocklist.local"))
                ? Files.readString(conf("jail.d/blocklist.local")) : "").doesNotContain("no-such-encoding");
    }

    @Test
    void aCreatedJailBansFromLogLinesAndIsGoneOnceDisabledAndReloaded() throws IOException {
        Path log = workDir.resolve("created.log");
        Files.writeString(log, "");
        Api.Response created = api.post("/api/v1/config/jails", "{\"name\":\"created-sshd\",\"filter\":\"sshd\","
                + "\"logpath\":\"" + log + "\",\"values\":{\"maxretry\":2},\"enabled\":true}",
                "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Files.readString(conf("jail.d/created-sshd.local"))).startsWith("# Created by BanGUI");
        assertThat(api.post("/api/v1/config/reload", "").status()).isEqualTo(200);

        String now = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter
                .ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH));
        Files.writeString(log, (now + " host sshd[1]: Failed password for root from 203.0.113.77 port 22 ssh2\n")
                .repeat(2), java.nio.file.StandardOpenOption.APPEND);
        Eventually.await("the created jail bans from its log", Duration.ofSeconds(10),
                () -> fail2ban.client("get", "created-sshd", "banned").contains("203.0.113.77"));

        assertThat(api.post("/api/v1/config/jails/created-sshd/disable", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/config/reload", "").status()).isEqualTo(200);
        assertThat(fail2ban.client("status")).doesNotContain("created-sshd");

        assertThat(api.delete("/api/v1/config/jails/created-sshd").status()).isEqualTo(204);
        assertThat(conf("jail.d/created-sshd.local")).doesNotExist();
        Api.Response shipped = api.delete("/api/v1/config/jails/sshd");
        assertThat(shipped.status()).isEqualTo(409);
        assertThat(shipped.json()).containsEntry("code", "not_created_by_bangui");
    }

    @Test
    void aBlocklistOnlyJailWatchesNoLogAndStartsAgainAfterAStop() {
        Api.Response created = api.post("/api/v1/config/jails", "{\"name\":\"lists-only\"}",
                "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/config/reload", "{\"jail\":\"lists-only\"}", "Content-Type",
                "application/json").status()).isEqualTo(200);
        assertThat(fail2ban.client("status")).contains("lists-only");

        assertThat(api.post("/api/v1/jails/lists-only/stop", "").status()).isEqualTo(204);
        assertThat(fail2ban.client("status")).doesNotContain("lists-only");
        // fail2ban forgot it: a start reloads it from the files
        Api.Response start = api.post("/api/v1/jails/lists-only/start", "");
        assertThat(start.status()).as(start.body()).isEqualTo(204);
        assertThat(fail2ban.client("status")).contains("lists-only");
    }

    @Test
    void parallelIgnoreListAdditionsToOneJailAllLandAtRuntimeAndInTheFiles() throws Exception {
        assertThat(api.post("/api/v1/config/jails", "{\"name\":\"allow-test\"}", "Content-Type",
                "application/json").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/config/reload", "{\"jail\":\"allow-test\"}", "Content-Type",
                "application/json").status()).isEqualTo(200);
        List<String> entries = List.of("192.0.2.101", "192.0.2.102", "192.0.2.103", "198.51.100.64/26",
                "2001:db8::1", "2001:db8:1::/48");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String entry : entries) {
                answers.add(pool.submit(() -> api.post("/api/v1/jails/allow-test/ignoreip",
                        "{\"entry\":\"" + entry + "\"}", "Content-Type", "application/json")));
            }
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        String running = fail2ban.client("get", "allow-test", "ignoreip");
        @SuppressWarnings("unchecked")
        List<String> configured = (List<String>) ((Map<String, Object>) api.get("/api/v1/config/jails/allow-test")
                .json().get("effective")).get("ignoreip");
        for (String entry : entries) {
            assertThat(running).contains(entry);
            assertThat(configured).contains(entry);
        }
        // the shipped [DEFAULT] entries stay, spelled as written; removing one by another spelling works
        assertThat(configured).contains("127.0.0.1/8", "198.51.100.0/28");
        Api.Response removed = api.delete("/api/v1/jails/allow-test/ignoreip", "Content-Type",
                "application/json");
        assertThat(removed.status()).isEqualTo(400);
        Api.Response byOtherSpelling = api.send("DELETE", "/api/v1/jails/allow-test/ignoreip",
                "{\"entry\":\"127.0.0.0/8\"}", "Content-Type", "application/json");
        assertThat(byOtherSpelling.status()).as(byOtherSpelling.body()).isEqualTo(200);
        assertThat(fail2ban.client("get", "allow-test", "ignoreip")).doesNotContain("127.0.0.");
        assertThat(Files.readString(conf("jail.d/allow-test.local"))).doesNotContain("127.0.0.1/8");
    }

    private Map<String, Object> valueOf(String jail, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> values = (Map<String, Map<String, Object>>)
                api.get("/api/v1/config/jails/" + jail).json().get("values");
        return values.get(key);
    }

    private Path conf(String relative) {
        return fail2ban.configDir().resolve(relative);
    }
}
