package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Blocklists end to end through the HTTP API: a real fail2ban, the real SQLite file and a real HTTP server on
 * loopback serving the lists (reachable because the class allows private destinations; the refusal without it
 * is {@link BlocklistRefusalIT}).
 */
@MicronautTest(transactional = false)
class BlocklistIT extends SandboxedServiceTest {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private final ListServer lists = new ListServer();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.blocklist.allow-private", "true",
                "bangui.blocklist.check-interval", "1s",
                "bangui.blocklist.timeout", "1s",
                "bangui.blocklist.max-download-time", "5s",
                "bangui.blocklist.max-bytes", "64KB",
                "bangui.rate-limit-blocklist-imports", "off",
                "bangui.rate-limit-config-writes", "off",
                "bangui.history.sync-interval", "1s");
    }

    @AfterAll
    void stopLists() {
        lists.close();
    }

    @Test
    void mirrorsAListIntoItsJailAndFollowsItsChanges() {
        lists.serve("/mirror.txt", "# a list", "203.0.113.10", "203.0.113.11 ; inline comment",
                "198.51.100.128/25", "2001:db8:10::1", "203.0.113.12,spam source", "not-an-address",
                "192.0.2.250", "", "203.0.113.10");
        long id = create("mirror", "/mirror.txt", "blocklist");
        Map<String, Object> first = awaitImport(id, 0);
        assertThat(first.get("status")).isEqualTo("succeeded");
        assertThat(first.get("entries")).isEqualTo(Map.of("total", 8, "valid", 7, "invalid", 1, "duplicates", 1,
                "ignored", 1));
        assertThat(first.get("banned")).isEqualTo(5);
        assertThat(samples(first)).containsExactly("not-an-address");
        assertThat(banned("blocklist")).contains("203.0.113.10", "203.0.113.11", "203.0.113.12",
                "198.51.100.128/25", "2001:db8:10::1").doesNotContain("192.0.2.250");
        // history_sync archives them from fail2ban's database, as blocklist bans
        Eventually.await("the archived blocklist ban", Duration.ofSeconds(20),
                () -> api.get("/api/v1/history?origin=blocklist&ip=203.0.113.11").list("items").size() == 1);

        lists.serve("/mirror.txt", "203.0.113.10", "203.0.113.12", "198.51.100.128/25", "2001:db8:10::1",
                "203.0.113.13");
        Map<String, Object> second = importNow(id);
        assertThat(second.get("status")).isEqualTo("succeeded");
        assertThat(second.get("banned")).isEqualTo(1);
        assertThat(second.get("unbanned")).isEqualTo(1);
        assertThat(banned("blocklist")).contains("203.0.113.13").doesNotContain("203.0.113.11");
    }

    @Test
    void reimportOfAnUnchangedListIsOneConditionalRequestAndChangesNothing() {
        lists.serve("/same.txt", "203.0.113.20", "203.0.113.21");
        long id = create("same", "/same.txt", "blocklist");
        assertThat(awaitImport(id, 0).get("status")).isEqualTo("succeeded");
        String times = fail2ban.client("get", "blocklist", "banip", "--with-time");

        Map<String, Object> again = importNow(id);
        assertThat(again.get("status")).isEqualTo("succeeded");
        assertThat(again.get("notModified")).isEqualTo(true);
        assertThat(again.get("banned")).isEqualTo(0);
        assertThat(again.get("unbanned")).isEqualTo(0);
        assertThat(again.get("entries")).isEqualTo(((Map<?, ?>) awaitImport(id, 0).get("entries")));
        List<ListServer.Hit> hits = lists.hits("/same.txt");
        assertThat(hits.get(hits.size() - 1).ifNoneMatch()).isNotNull();
        // no ban was restarted: fail2ban's ban times are as they were
        assertThat(lines(fail2ban.client("get", "blocklist", "banip", "--with-time"), "203.0.113.2"))
                .isEqualTo(lines(times, "203.0.113.2"));
    }

    @Test
    void theSameListServedWithoutValidatorsIsReadAgainButChangesNothing() {
        lists.serve("/plain.txt", "203.0.113.24", "203.0.113.25");
        lists.withoutValidators("/plain.txt");
        long id = create("plain", "/plain.txt", "blocklist");
        assertThat(awaitImport(id, 0).get("banned")).isEqualTo(2);
        String times = fail2ban.client("get", "blocklist", "banip", "--with-time");

        Map<String, Object> again = importNow(id);
        assertThat(again.get("status")).isEqualTo("succeeded");
        assertThat(again.get("notModified")).isEqualTo(false);
        assertThat(again.get("entries")).isEqualTo(Map.of("total", 2, "valid", 2, "invalid", 0, "duplicates", 0,
                "ignored", 0));
        assertThat(again.get("banned")).isEqualTo(0);
        assertThat(lines(fail2ban.client("get", "blocklist", "banip", "--with-time"), "203.0.113.2"))
                .isEqualTo(lines(times, "203.0.113.2"));
    }

    @Test
    void anUnchangedListIsAppliedAgainWhenTheJailsIgnoreListChanged() {
        lists.serve("/ignore.txt", "203.0.113.26", "203.0.113.27");
        long id = create("ignore", "/ignore.txt", "blocklist");
        awaitImport(id, 0);
        fail2ban.client("set", "blocklist", "addignoreip", "203.0.113.27");
        try {
            // the server would answer 304 to the validators: they are not sent, the filter changed
            Map<String, Object> again = importNow(id);
            assertThat(again.get("notModified")).isEqualTo(false);
            assertThat(again.get("unbanned")).isEqualTo(1);
            assertThat(((Map<?, ?>) again.get("entries")).get("ignored")).isEqualTo(1);
            assertThat(banned("blocklist")).contains("203.0.113.26").doesNotContain("203.0.113.27");
        } finally {
            fail2ban.client("set", "blocklist", "delignoreip", "203.0.113.27");
        }
    }

    @Test
    void movingASourceToAnotherJailMovesItsEntriesEvenWhenTheServerAnswers304() {
        lists.serve("/move.txt", "203.0.113.110", "203.0.113.111");
        long id = create("move", "/move.txt", "blocklist");
        long first = ((Number) awaitImport(id, 0).get("id")).longValue();
        Api.Response moved = api.put("/api/v1/blocklists/" + id, "{\"name\":\"move\",\"url\":\""
                + lists.url("/move.txt") + "\",\"jail\":\"sshd\",\"schedule\":\"6h\"}",
                "Content-Type", "application/json");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Map<String, Object> run = awaitImport(id, first); // a new jail makes the source due at once
        assertThat(run.get("notModified")).isEqualTo(false);
        assertThat(banned("sshd")).contains("203.0.113.110", "203.0.113.111");
        assertThat(banned("blocklist")).doesNotContain("203.0.113.110", "203.0.113.111");
    }

    @Test
    void aChangeMadeWhileAnImportRunsIsNotOverwrittenByIt() {
        lists.serve("/during.txt", "203.0.113.170");
        long id = create("during", "/during.txt", "blocklist");
        awaitImport(id, 0);
        int hits = lists.hits("/during.txt").size();
        lists.delay("/during.txt", 800); // under the class's 1 s timeout
        Api.Response asked = api.post("/api/v1/blocklists/" + id + "/import", "");
        long running = ((Number) asked.json().get("importId")).longValue();
        Eventually.await("the download under way", Duration.ofSeconds(10),
                () -> lists.hits("/during.txt").size() > hits);
        Api.Response moved = api.put("/api/v1/blocklists/" + id, "{\"name\":\"during\",\"url\":\""
                + lists.url("/during.txt") + "\",\"jail\":\"sshd\",\"schedule\":\"6h\"}",
                "Content-Type", "application/json");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(awaitImportId(running).get("status")).isEqualTo("succeeded"); // into the jail it started with
        lists.delay("/during.txt", 0);
        // the change made the source due at once: the import that ran must not have pushed that back 6 hours
        Map<String, Object> next = awaitImport(id, running);
        assertThat(next.get("status")).isEqualTo("succeeded");
        assertThat(banned("sshd")).contains("203.0.113.170");
        assertThat(banned("blocklist")).doesNotContain("203.0.113.170");
    }

    @Test
    void entriesTheJailLostAreBannedAgainEvenWhenItHoldsOtherBans() {
        lists.serve("/lost.txt", "203.0.113.120", "203.0.113.121");
        long id = create("lost", "/lost.txt", "sshd");
        awaitImport(id, 0);
        fail2ban.client("set", "sshd", "banip", "192.0.2.51", "192.0.2.52", "192.0.2.53");
        fail2ban.client("set", "sshd", "unbanip", "203.0.113.120");
        Map<String, Object> run = importNow(id); // the server answers 304: the count alone would not notice
        assertThat(run.get("status")).isEqualTo("succeeded");
        assertThat(run.get("banned")).isEqualTo(1);
        assertThat(banned("sshd")).contains("203.0.113.120", "203.0.113.121");
    }

    @Test
    void aReleaseThatFindsAnEntryGoneTriesOnceMoreThenForgetsIt() {
        lists.serve("/gone.txt", "203.0.113.130", "203.0.113.131");
        long id = create("gone", "/gone.txt", "blocklist");
        awaitImport(id, 0);
        fail2ban.client("set", "blocklist", "unbanip", "203.0.113.130"); // expired, or not restored yet
        long release = ((Number) api.delete("/api/v1/blocklists/" + id).json().get("importId")).longValue();
        Map<String, Object> first = awaitImportId(release);
        assertThat(first.get("status")).isEqualTo("partial");
        assertThat((String) first.get("error")).startsWith("unban_unconfirmed");
        Eventually.await("the second release", Duration.ofSeconds(20), () -> api.get(
                "/api/v1/blocklists/imports?source=" + id).list("imports").stream()
                .anyMatch(i -> "succeeded".equals(i.get("status")) && "delete".equals(i.get("trigger"))));
        assertThat(banned("blocklist")).doesNotContain("203.0.113.130", "203.0.113.131");
    }

    @Test
    void listsNeverBanPrivateNetworks() {
        lists.serve("/private.txt", "203.0.113.140", "10.1.2.3", "192.168.0.0/16", "fe80::1", "100.64.1.1");
        long id = create("private", "/private.txt", "blocklist");
        Map<String, Object> run = awaitImport(id, 0);
        assertThat(run.get("banned")).isEqualTo(1);
        assertThat(((Map<?, ?>) run.get("entries")).get("invalid")).isEqualTo(4);
        assertThat(samples(run)).containsExactlyInAnyOrder("10.1.2.3", "192.168.0.0/16", "fe80::1", "100.64.1.1");
    }

    @Test
    void aServerAnswering304ToAPlainRequestIsAnError() {
        lists.serve("/odd.txt", "203.0.113.150");
        long id = create("odd", "/odd.txt", "blocklist", false);
        lists.fail("/odd.txt", 304);
        Api.Response preview = api.post("/api/v1/blocklists/" + id + "/preview", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(503);
        assertThat(preview.json().get("code")).isEqualTo("http_status");
        assertThat(ProblemChecks.leaks(preview.body())).isEmpty();
    }

    @Test
    void aGzipFileServedAsItIsIsDecodedWithinTheCap() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(file)) {
            gzip.write("203.0.113.160\n203.0.113.161\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        lists.serveBytes("/list.txt.gz", file.toByteArray()); // no Content-Encoding: a file, as list sites serve them
        long id = create("gzfile", "/list.txt.gz", "blocklist");
        assertThat(awaitImport(id, 0).get("banned")).isEqualTo(2);
        assertThat(banned("blocklist")).contains("203.0.113.160", "203.0.113.161");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[50_000_000]);
        }
        lists.serveBytes("/list.txt.gz", bomb.toByteArray());
        assertThat(importNow(id).get("error")).asString().startsWith("too_large");
    }

    @Test
    void anEntryHeldByTwoSourcesIsUnbannedOnlyWhenBothDropIt() {
        lists.serve("/a.txt", "203.0.113.30", "203.0.113.31");
        lists.serve("/b.txt", "203.0.113.31", "203.0.113.32");
        long a = create("share-a", "/a.txt", "blocklist");
        awaitImport(a, 0);
        long b = create("share-b", "/b.txt", "blocklist");
        awaitImport(b, 0);

        lists.serve("/a.txt", "203.0.113.30");
        assertThat(importNow(a).get("unbanned")).isEqualTo(0);
        assertThat(banned("blocklist")).contains("203.0.113.31");

        lists.serve("/b.txt", "203.0.113.32");
        assertThat(importNow(b).get("unbanned")).isEqualTo(1);
        assertThat(banned("blocklist")).doesNotContain("203.0.113.31");
    }

    @Test
    void anEntryAlsoBannedByLogLinesIsNeverUnbannedByTheList() {
        fail2ban.appendSshdFailures("203.0.113.40", 3);
        Eventually.await("the sshd ban", Duration.ofSeconds(10), () -> banned("sshd").contains("203.0.113.40"));
        lists.serve("/logs.txt", "203.0.113.40", "203.0.113.41");
        long id = create("logs", "/logs.txt", "sshd");
        Map<String, Object> first = awaitImport(id, 0);
        assertThat(first.get("banned")).isEqualTo(1);

        lists.serve("/logs.txt", "203.0.113.42");
        Map<String, Object> second = importNow(id);
        assertThat(second.get("unbanned")).isEqualTo(1); // .41, which the list banned
        assertThat(banned("sshd")).contains("203.0.113.40", "203.0.113.42").doesNotContain("203.0.113.41");
    }

    @Test
    void deletingASourceUnbansWhatItAloneBanned() {
        lists.serve("/del-a.txt", "203.0.113.50", "203.0.113.51");
        lists.serve("/del-b.txt", "203.0.113.51");
        long a = create("del-a", "/del-a.txt", "blocklist");
        awaitImport(a, 0);
        long b = create("del-b", "/del-b.txt", "blocklist");
        awaitImport(b, 0);

        Api.Response deleted = api.delete("/api/v1/blocklists/" + a);
        assertThat(deleted.status()).isEqualTo(202);
        long release = ((Number) deleted.json().get("importId")).longValue();
        Map<String, Object> done = awaitImportId(release);
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(done.get("trigger")).isEqualTo("delete");
        assertThat(done.get("unbanned")).isEqualTo(1);
        assertThat(banned("blocklist")).doesNotContain("203.0.113.50").contains("203.0.113.51");
        assertThat(api.get("/api/v1/blocklists/" + a).status()).isEqualTo(404);
    }

    @Test
    void parallelImportRequestsStartExactlyOne() throws Exception {
        lists.serve("/slow.txt", "203.0.113.60");
        long id = create("slow", "/slow.txt", "blocklist");
        awaitImport(id, 0);
        lists.delay("/slow.txt", 2_000);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> api.post("/api/v1/blocklists/" + id + "/import", "")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.json().get("code")).isEqualTo("import_running");
                }
            }
            assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        } finally {
            pool.shutdownNow();
            lists.delay("/slow.txt", 0);
        }
    }

    @Test
    void badListsFailWithAReasonAndChangeNothing() throws IOException {
        lists.serve("/bad.txt", "203.0.113.70");
        long id = create("bad", "/bad.txt", "blocklist");
        awaitImport(id, 0);

        lists.serve("/bad.txt", "<html>", "<body>oops</body>", "</html>", "203.0.113.70");
        assertThat(importNow(id).get("error")).asString().startsWith("mostly_invalid");
        Api.Response preview = api.post("/api/v1/blocklists/" + id + "/preview", "");
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.json().get("code")).isEqualTo("mostly_invalid");
        lists.fail("/bad.txt", 500);
        assertThat(importNow(id).get("error")).asString().startsWith("http_status");
        lists.serveBytes("/bad.txt", "203.0.113.71\n".repeat(10_000).getBytes()); // 130 KB > 64 KB
        assertThat(importNow(id).get("error")).asString().startsWith("too_large");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[50_000_000]); // 50 MB of zeros, about 50 KB compressed
        }
        lists.serveGzip("/bad.txt", bomb.toByteArray());
        assertThat(importNow(id).get("error")).asString().startsWith("too_large");
        lists.serve("/bad.txt", "203.0.113.72");
        lists.delay("/bad.txt", 3_000); // longer than the 1 s read timeout
        Map<String, Object> stalled = importNow(id);
        lists.delay("/bad.txt", 0);
        assertThat(stalled.get("status")).isEqualTo("failed");
        assertThat(stalled.get("error")).asString().startsWith("timeout");
        assertThat(banned("blocklist")).contains("203.0.113.70").doesNotContain("203.0.113.71", "203.0.113.72");
    }

    @Test
    void previewReportsTheDiffAndBansNothing() {
        lists.serve("/preview.txt", "203.0.113.80");
        long id = create("preview", "/preview.txt", "blocklist", false);
        Api.Response preview = api.post("/api/v1/blocklists/" + id + "/preview", "");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("toBan")).isEqualTo(List.of("203.0.113.80"));
        assertThat(preview.json().get("toBanCount")).isEqualTo(1);
        assertThat(banned("blocklist")).doesNotContain("203.0.113.80");
    }

    @Test
    void refusesBadSourcesWithProblems() {
        lists.serve("/x.txt", "203.0.113.90");
        assertThat(createResponse("{\"name\":\"x\",\"url\":\"" + lists.url("/x.txt")
                + "\",\"jail\":\"no-such-jail\",\"schedule\":\"6h\"}").json().get("code")).isEqualTo("unknown_jail");
        assertThat(createResponse("{\"name\":\"x\",\"url\":\"" + lists.url("/x.txt")
                + "\",\"jail\":\"no-such-jail\",\"schedule\":\"6h\"}").status()).isEqualTo(422);
        assertThat(code("{\"name\":\"x\",\"url\":\"" + lists.url("/x.txt")
                + "\",\"jail\":\"blocklist\",\"schedule\":\"4m\"}")).isEqualTo("invalid_schedule");
        assertThat(code("{\"name\":\"x\",\"url\":\"" + lists.url("/x.txt")
                + "\",\"jail\":\"blocklist\",\"schedule\":\"61 * * * *\"}")).isEqualTo("invalid_schedule");
        assertThat(code("{\"name\":\"x\",\"url\":\"file:///etc/passwd\",\"jail\":\"blocklist\",\"schedule\":\"6h\"}"))
                .isEqualTo("invalid_url");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://127.0.0.1:99999/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"6h\"}")).isEqualTo("invalid_url");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://example.org/\\u0000\",\"jail\":\"blocklist\","
                + "\"schedule\":\"6h\"}")).isEqualTo("invalid_url");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"* * * * *\"}")).isEqualTo("invalid_schedule");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"0,3 * * * *\"}")).isEqualTo("invalid_schedule");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"5m\\u0000\"}")).isEqualTo("invalid_schedule");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://user:pw@example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"6h\"}")).isEqualTo("invalid_url");
        assertThat(code("{\"name\":\"\\u0000\",\"url\":\"http://example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":\"6h\"}")).isEqualTo("invalid_name");
        assertThat(code("{\"name\":\"x\",\"url\":\"http://example.org/l\",\"jail\":\"blocklist\","
                + "\"schedule\":6}")).isEqualTo("wrong_type");
        assertThat(api.get("/api/v1/blocklists/abc").json().get("code")).isEqualTo("invalid_id");
        assertThat(api.get("/api/v1/blocklists/999999").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/blocklists/imports/999999").json().get("code")).isEqualTo("unknown_import");
        assertThat(anonymous.get("/api/v1/blocklists").status()).isEqualTo(401);
        create("dup", "/x.txt", "blocklist", false);
        Api.Response every5 = createResponse("{\"name\":\"every5\",\"url\":\"http://example.org/l\","
                + "\"jail\":\"blocklist\",\"enabled\":false,\"schedule\":\"*/5 * * * *\"}");
        assertThat(every5.status()).as(every5.body()).isEqualTo(201);
        assertThat(code("{\"name\":\"dup\",\"url\":\"" + lists.url("/x.txt")
                + "\",\"jail\":\"blocklist\",\"schedule\":\"0 3 * * *\"}")).isEqualTo("name_taken");
    }

    private String code(String body) {
        Api.Response response = createResponse(body);
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(ProblemChecks.problems(response)).isEmpty();
        return (String) response.json().get("code");
    }

    private Api.Response createResponse(String body) {
        return api.post("/api/v1/blocklists", body, "Content-Type", "application/json");
    }

    private long create(String name, String path, String jail) {
        return create(name, path, jail, true);
    }

    private long create(String name, String path, String jail, boolean enabled) {
        Api.Response created = createResponse("{\"name\":\"" + name + "\",\"url\":\"" + lists.url(path)
                + "\",\"jail\":\"" + jail + "\",\"enabled\":" + enabled + ",\"schedule\":\"6h\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ((Number) created.json().get("id")).longValue();
    }

    private Map<String, Object> importNow(long id) {
        Api.Response asked = api.post("/api/v1/blocklists/" + id + "/import", "");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        return awaitImportId(((Number) asked.json().get("importId")).longValue());
    }

    /** The newest finished import of the source with an id above {@code after}. */
    private Map<String, Object> awaitImport(long source, long after) {
        Object[] found = new Object[1];
        Eventually.await("an import of source " + source, Duration.ofSeconds(20), () -> {
            List<Map<String, Object>> imports = api.get("/api/v1/blocklists/imports?source=" + source + "&limit=1")
                    .list("imports");
            if (!imports.isEmpty() && ((Number) imports.get(0).get("id")).longValue() > after
                    && !"running".equals(imports.get(0).get("status"))) {
                found[0] = imports.get(0);
                return true;
            }
            return false;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) found[0];
        return result;
    }

    private Map<String, Object> awaitImportId(long importId) {
        Object[] found = new Object[1];
        Eventually.await("import " + importId, Duration.ofSeconds(20), () -> {
            Map<String, Object> run = api.get("/api/v1/blocklists/imports/" + importId).json();
            found[0] = run;
            return !"running".equals(run.get("status"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) found[0];
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> samples(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("invalidSamples")).stream().map(s -> (String) s.get("text"))
                .toList();
    }

    private List<String> banned(String jail) {
        List<String> ids = new ArrayList<>();
        Matcher m = QUOTED.matcher(fail2ban.client("get", jail, "banned"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> lines(String output, String prefix) {
        return output.lines().filter(l -> l.contains(prefix)).sorted().toList();
    }
}
