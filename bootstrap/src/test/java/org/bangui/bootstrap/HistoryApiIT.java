package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The history query API through real HTTP on the service's real SQLite file, filled by {@link HistoryFixture}
 * as the archive's writers would, with a real fail2ban for the "banned now" part of the address report.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryApiIT extends SandboxedServiceTest {

    /** A fixed day in the past, so that the tests do not depend on the clock. */
    private static final Instant DAY = Instant.parse("2026-09-14T00:00:00Z");

    @Test
    @Order(1)
    void filtersSelectByJailAddressNetworkCountryOriginAndTime() throws Exception {
        try (HistoryFixture history = new HistoryFixture(databaseFile())) {
            history.ban("sshd", "203.0.113.7", DAY.plusSeconds(60), "DE", "fail2ban");
            history.ban("nginx-http-auth", "203.0.113.7", DAY.plusSeconds(120), "DE", "manual");
            history.ban("sshd", "203.0.113.200", DAY.plusSeconds(180), "FR", "fail2ban");
            history.ban("sshd", "198.51.100.4", DAY.plusSeconds(240), null, "blocklist");
            history.ban("sshd", "2001:db8:5::9", DAY.plusSeconds(300), "US", "fail2ban");
            history.ban("sshd", "2001:db8:6::1", DAY.plusSeconds(360), "US", "fail2ban");
        }
        String day = "&since=" + DAY + "&until=" + DAY.plus(1, ChronoUnit.DAYS);
        assertThat(ips("jail=nginx-http-auth" + day)).containsExactly("203.0.113.7");
        assertThat(ips("ip=203.0.113.7" + day)).containsExactly("203.0.113.7", "203.0.113.7");
        assertThat(ips("ip=" + encode("203.0.113.0/24") + day)).containsExactly("203.0.113.200", "203.0.113.7",
                "203.0.113.7");
        assertThat(ips("ip=" + encode("2001:db8:5::/48") + day)).containsExactly("2001:db8:5::9");
        assertThat(ips("ip=" + encode("2001:db8::/32") + day)).containsExactly("2001:db8:6::1", "2001:db8:5::9");
        assertThat(ips("country=fr" + day)).containsExactly("203.0.113.200");
        assertThat(ips("origin=blocklist" + day)).containsExactly("198.51.100.4");
        assertThat(ips("since=" + DAY.plusSeconds(180) + "&until=" + DAY.plusSeconds(300)))
                .containsExactly("198.51.100.4", "203.0.113.200");
        assertThat(ips("jail=sshd&country=US" + day)).containsExactly("2001:db8:6::1", "2001:db8:5::9");

        Map<String, Object> item = api.get("/api/v1/history?origin=manual" + day).list("items").get(0);
        assertThat(item.keySet()).containsAll(List.of("id", "jail", "ip", "bannedAt", "banTimeSeconds", "permanent",
                "endedAt", "banCount", "failures", "matches", "country", "origin"));
        assertThat(item).containsEntry("jail", "nginx-http-auth").containsEntry("bannedAt", DAY.plusSeconds(120)
                .toString()).containsEntry("banTimeSeconds", 600).containsEntry("permanent", false)
                .containsEntry("endedAt", null).containsEntry("country", "DE").containsEntry("origin", "manual");
    }

    @Test
    @Order(2)
    void pagesVisitEveryEarlierEntryExactlyOnceWhileNewBansArrive() throws Exception {
        Instant base = DAY.minus(10, ChronoUnit.DAYS);
        Set<Long> before = new HashSet<>();
        try (HistoryFixture history = new HistoryFixture(databaseFile())) {
            for (int i = 0; i < 120; i++) { // pairs share their start: the id breaks the tie
                before.add(history.ban("postfix", "198.51.100." + (i % 200), base.plusSeconds(i / 2), "NL",
                        "fail2ban"));
            }
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Api.Response page = api.get("/api/v1/history?jail=postfix&limit=7"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).isEqualTo(200);
                page.list("items").forEach(i -> seen.add(((Number) i.get("id")).longValue()));
                cursor = (String) page.json().get("nextCursor");
                // between pages: newer bans, and bans that started just as early as the ones already paged
                history.ban("postfix", "198.51.100.250", base.plusSeconds(1000 + pages), "NL", "fail2ban");
                history.ban("postfix", "198.51.101." + pages, base.plusSeconds(59), "NL", "fail2ban");
                pages++;
            } while (cursor != null && pages < 100);
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen.stream().filter(before::contains).toList()).hasSize(before.size());
            List<Long> earlier = seen.stream().filter(before::contains).toList();
            assertThat(earlier).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
    }

    @Test
    @Order(3)
    void statisticsCountByHourAndDayWithEmptyBucketsAndTopLists() throws Exception {
        Instant start = DAY.minus(40, ChronoUnit.DAYS);
        try (HistoryFixture history = new HistoryFixture(databaseFile())) {
            for (int i = 0; i < 12; i++) {
                history.ban("sshd", "203.0.113.9", start.plusSeconds(3600L * 2 + i), "CN", "fail2ban");
            }
            for (int i = 0; i < 5; i++) {
                history.ban("dovecot", "203.0.113." + (20 + i), start.plusSeconds(86400L * 2 + 3600L * 5 + i), "BR",
                        "fail2ban");
            }
            history.ban("dovecot", "2001:db8::77", start.plusSeconds(86400L * 2 + 3600L * 5 + 30), null, "manual");
        }
        Api.Response byDay = api.get("/api/v1/history/stats?bucket=day&since=" + start + "&until="
                + start.plus(3, ChronoUnit.DAYS));
        assertThat(byDay.status()).isEqualTo(200);
        assertThat(byDay.json()).containsEntry("total", 18);
        assertThat(byDay.list("timeline")).containsExactly(
                Map.of("start", start.toString(), "bans", 12),
                Map.of("start", start.plus(1, ChronoUnit.DAYS).toString(), "bans", 0),
                Map.of("start", start.plus(2, ChronoUnit.DAYS).toString(), "bans", 6));
        assertThat(byDay.list("topJails")).containsExactly(Map.of("jail", "sshd", "bans", 12),
                Map.of("jail", "dovecot", "bans", 6));
        assertThat(byDay.list("topIps").get(0)).isEqualTo(Map.of("ip", "203.0.113.9", "bans", 12));
        assertThat(byDay.list("topIps")).hasSize(7);
        assertThat(byDay.list("topCountries")).containsExactly(Map.of("country", "CN", "bans", 12),
                Map.of("country", "BR", "bans", 5));

        // a range that is not aligned on hours: the partial hours count exactly
        Api.Response byHour = api.get("/api/v1/history/stats?bucket=hour&since=" + start.plusSeconds(7205)
                + "&until=" + start.plusSeconds(3 * 3600 + 1));
        assertThat(byHour.json()).containsEntry("total", 7);
        assertThat(byHour.list("timeline")).extracting(p -> p.get("bans")).containsExactly(7, 0);
        assertThat(byHour.list("timeline").get(0)).containsEntry("start", start.plusSeconds(7200).toString());

        Api.Response defaults = api.get("/api/v1/history/stats");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.list("timeline")).hasSizeBetween(30, 31);
    }

    @Test
    @Order(4)
    void exportStreamsTheWholeSelectionAsQuotedCsvAndAsNdjson() throws Exception {
        Instant at = DAY.minus(20, ChronoUnit.DAYS);
        try (HistoryFixture history = new HistoryFixture(databaseFile())) {
            history.ban("exim", "198.51.100.77", at, "GB", "fail2ban",
                    "[\"=HYPERLINK(\\\"http://x\\\")\",\"user \\\"root\\\", from a,b\\nnext\"]");
            for (int i = 0; i < 1200; i++) {
                history.ban("exim", "10.1." + (i / 250) + "." + (i % 250), at.plusSeconds(i + 1), null, "fail2ban");
            }
        }
        Api.Response csv = api.get("/api/v1/history/export?format=csv&jail=exim");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElse("")).contains("filename=\"bangui-history.csv\"");
        assertThat(csv.body()).startsWith("id,jail,ip,bannedAt,");
        assertThat(csv.body()).endsWith("\"exim\",\"198.51.100.77\"," + at + ",600,false,,,,1,5,"
                + "\"'=HYPERLINK(\"\"http://x\"\")\nuser \"\"root\"\", from a,b\nnext\",\"GB\",\"fail2ban\"\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(1 + 1201);

        Api.Response ndjson = api.get("/api/v1/history/export?format=ndjson&jail=exim");
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        String[] lines = ndjson.body().split("\n");
        assertThat(lines).hasSize(1201);
        Map<String, Object> last = json.readValue(lines[1200], Map.class);
        assertThat(last).containsEntry("ip", "198.51.100.77").containsEntry("matches",
                List.of("=HYPERLINK(\"http://x\")", "user \"root\", from a,b\nnext"));
        assertThat(json.readValue(lines[0], Map.class)).containsEntry("ip", "10.1.4.199");

        assertThat(api.get("/api/v1/history/export?format=ndjson&jail=no-such-jail").body()).isEmpty();
    }

    @Test
    @Order(5)
    void badParametersAnswer400ProblemsWithTheirCode() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("/api/v1/history?ip=not-an-ip", "invalid_ip"),
                Map.entry("/api/v1/history?ip=" + encode("10.0.0.0/33"), "invalid_network"),
                Map.entry("/api/v1/history?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                        "invalid_time_range"),
                Map.entry("/api/v1/history?since=yesterday", "invalid_time"),
                Map.entry("/api/v1/history?limit=0", "invalid_limit"),
                Map.entry("/api/v1/history?limit=10000", "invalid_limit"),
                Map.entry("/api/v1/history?limit=-3", "invalid_limit"),
                Map.entry("/api/v1/history?origin=robot", "invalid_origin"),
                Map.entry("/api/v1/history?country=DEU", "invalid_country"),
                Map.entry("/api/v1/history?country=1A", "invalid_country"),
                Map.entry("/api/v1/history?jail=" + encode("../x"), "invalid_jail_name"),
                Map.entry("/api/v1/history?cursor=garbage%25", "invalid_cursor"),
                Map.entry("/api/v1/history?cursor=aDE6LTE6Mw", "invalid_cursor"),
                Map.entry("/api/v1/history?cursor=aDE6MTIzOjA", "invalid_cursor"),
                Map.entry("/api/v1/history/export?format=xlsx", "invalid_format"),
                Map.entry("/api/v1/history/export?format=csv&ip=nope", "invalid_ip"),
                Map.entry("/api/v1/history/stats?bucket=week", "invalid_bucket"),
                Map.entry("/api/v1/history/stats?bucket=hour&since=2000-01-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                        "too_many_buckets"),
                Map.entry("/api/v1/history/stats?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                        "invalid_time_range"),
                Map.entry("/api/v1/history/ip/999.1.1.1", "invalid_ip"));
        cases.forEach((path, code) -> {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(ProblemChecks.problems(response)).as(path).isEmpty();
            assertThat(response.json()).as(path).containsEntry("code", code);
        });
    }

    @Test
    @Order(5)
    void everyHistoryRouteNeedsASession() {
        for (String path : List.of("/api/v1/history", "/api/v1/history/stats", "/api/v1/history/ip/203.0.113.7",
                "/api/v1/history/export?format=csv")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(ProblemChecks.problems(response)).as(path).isEmpty();
        }
    }

    @Test
    @Order(6)
    void addressReportHasTheArchiveTheJailsAndWhereItIsBannedNow() throws Exception {
        try (HistoryFixture history = new HistoryFixture(databaseFile())) {
            history.ban("sshd", "203.0.113.66", DAY.minus(3, ChronoUnit.DAYS), "JP", "fail2ban");
            history.ban("nginx-http-auth", "203.0.113.66", DAY.minus(2, ChronoUnit.DAYS), "JP", "fail2ban");
        }
        fail2ban.client("set", "sshd", "banip", "203.0.113.66");
        Api.Response report = api.get("/api/v1/history/ip/203.0.113.66");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json()).containsEntry("ip", "203.0.113.66").containsEntry("total", 2)
                .containsEntry("truncated", false).containsEntry("bannedNow", true)
                .containsEntry("bannedIn", List.of("sshd")).containsEntry("bannedNowUnknown", null)
                .containsEntry("jails", List.of("nginx-http-auth", "sshd")).containsKey("country");
        assertThat(report.list("events")).extracting(e -> e.get("jail")).containsExactly("nginx-http-auth", "sshd");

        Api.Response never = api.get("/api/v1/history/ip/" + encode("2001:db8:ffff::1"));
        assertThat(never.json()).containsEntry("total", 0).containsEntry("bannedNow", false)
                .containsEntry("bannedIn", List.of()).containsEntry("events", List.of());
    }

    @Test
    @Order(7)
    void addressReportSaysSoWhenFail2banCannotBeAsked() {
        fail2ban.stop();
        try {
            Api.Response report = api.get("/api/v1/history/ip/203.0.113.66");
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.json()).containsEntry("total", 2).containsEntry("bannedNow", null)
                    .containsEntry("bannedIn", null).containsEntry("bannedNowUnknown", "fail2ban_unavailable");
        } finally {
            fail2ban.restart();
        }
    }

    private List<String> ips(String query) {
        Api.Response response = api.get("/api/v1/history?limit=500&" + query);
        assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
        return response.list("items").stream().map(i -> (String) i.get("ip")).collect(Collectors.toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
