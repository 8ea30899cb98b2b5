package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Ban and unban under hostile conditions, against the real fail2ban: duplicates, network bans, the addresses
 * that must never be banned, parallel changes of one address, and a fail2ban that stalls mid-command.
 */
@MicronautTest(transactional = false)
class BanHardeningIT extends SandboxedServiceTest {

    /** BanGUI talks to fail2ban through it, so that a test can freeze fail2ban right after one command. */
    private StallingProxy proxy;

    @Override
    protected Map<String, String> extraProperties() {
        if (proxy == null) {
            proxy = new StallingProxy(workDir.resolve("proxy.sock"), fail2ban.socket());
        }
        // a stalled fail2ban is noticed after 1 s; a late reply is awaited 3 s more within the request
        return Map.of("bangui.fail2ban.socket", proxy.socket().toString(), "bangui.fail2ban.timeout", "1s",
                "bangui.fail2ban.outcome-wait", "3s", "bangui.rate-limit-ban", "100000/1m",
                "bangui.rate-limit-unban", "100000/1m");
    }

    @AfterAll
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Freezes fail2ban (SIGSTOP) as soon as it has received the ban of {@code ip}. */
    private void stallAfterBanOf(String ip) {
        proxy.stallAfter(request -> request.contains("banip") && request.contains(ip), fail2ban::pause);
    }

    private void resume() {
        fail2ban.resume();
        proxy.release();
    }

    private Api.Response ban(String jail, String ip) {
        return api.post("/api/v1/bans", "{\"jail\":\"" + jail + "\",\"ip\":\"" + ip + "\"}");
    }

    @Test
    void refusedDuplicateBanDoesNotRestartFail2bansBan() throws InterruptedException {
        assertThat(ban("sshd", "192.0.2.60").status()).isEqualTo(201);
        String before = banLine("sshd", "192.0.2.60");
        Thread.sleep(1100); // ban times have one-second resolution: a re-ban now would show a later start
        Api.Response again = ban("sshd", "192.0.2.60");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("code", "already_banned");
        assertThat(banLine("sshd", "192.0.2.60")).as("fail2ban's ban after the refused duplicate")
                .isEqualTo(before);
    }

    @Test
    void networkBansAreListedAndCanBeLiftedByTheirCidr() {
        Api.Response created = ban("blocklist", "198.18.0.7/24");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()).containsEntry("ip", "198.18.0.0/24").containsEntry("network", true);
        assertThat(fail2ban.client("get", "blocklist", "banip")).contains("198.18.0.0/24");

        List<Map<String, Object>> listed = api.get("/api/v1/bans?jail=blocklist").list("bans");
        assertThat(listed).filteredOn(b -> "198.18.0.0/24".equals(b.get("ip"))).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("network", true).containsEntry("permanent", false));
        assertThat(api.get("/api/v1/bans/search?ip=198.18.0.0%2F24").json().get("jails"))
                .isEqualTo(List.of("blocklist"));
        assertThat(api.get("/api/v1/jails").list("jails")).filteredOn(j -> "blocklist".equals(j.get("name")))
                .singleElement().satisfies(j -> assertThat(((Number) j.get("currentlyBanned")).intValue())
                        .isEqualTo(api.get("/api/v1/bans?jail=blocklist").list("bans").size()));

        assertThat(api.delete("/api/v1/bans/blocklist/198.18.0.0%2F24").status()).isEqualTo(204);
        assertThat(fail2ban.client("get", "blocklist", "banip")).doesNotContain("198.18.0.0/24");

        assertThat(ban("sshd", "198.18.1.0/24").status()).isEqualTo(201);
        Api.Response everywhere = api.post("/api/v1/bans/unban", "{\"ip\":\"198.18.1.0/24\"}");
        assertThat(everywhere.status()).isEqualTo(200);
        assertThat(everywhere.json()).containsEntry("ip", "198.18.1.0/24").containsEntry("unbanned", 1);
    }

    @Test
    void addressesAndNetworksThatMustNeverBeBannedAreRefusedWithAReason() {
        String before = fail2ban.client("banned");
        List<String> refused = new ArrayList<>(List.of("255.255.255.255", "224.0.0.1", "239.1.2.3", "ff02::1",
                "127.0.0.0/24", "0.0.0.0/8", "10.0.0.0/7", "2001::/31", "::/0", "224.0.0.0/8", "00001::1",
                "2001:db8::/129", "198.51.100.0/24", "1.2.3.4/", "1.2.3.4/024x"));
        String own = ownAddress();
        refused.add(own);
        refused.add(own + (own.contains(":") ? "/64" : "/24"));
        for (String target : refused) {
            Api.Response response = ban("sshd", target);
            assertThat(response.status()).as(target + " -> " + response).isIn(400, 409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat((String) response.json().get("detail")).as(target).isNotBlank();
        }
        assertThat(ban("sshd", own).json()).containsEntry("code", "address_not_bannable");
        assertThat(fail2ban.client("banned")).isEqualTo(before);
    }

    /** A non-loopback address of one of this machine's interfaces: fail2ban's ignoreself protects it. */
    private static String ownAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress inet : Collections.list(nic.getInetAddresses())) {
                    if (!inet.isLoopbackAddress() && !inet.isLinkLocalAddress()) {
                        return inet.getHostAddress().replaceAll("%.*", "");
                    }
                }
            }
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("this machine has no non-loopback address to test ignoreself with");
    }

    @Test
    void parallelBansAndUnbansOfOneAddressLeaveTheArchiveInFail2bansOrder() throws Exception {
        String ip = "203.0.113.140";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    boolean banning = i % 2 == 0;
                    calls.add(pool.submit(() -> {
                        start.await();
                        return banning ? ban("sshd", ip).status() : api.delete("/api/v1/bans/sshd/" + ip).status();
                    }));
                }
                start.countDown();
                for (Future<Integer> call : calls) {
                    assertThat(call.get()).isIn(201, 204, 404, 409);
                }
                List<String> events = archivedEvents(ip);
                for (int i = 1; i < events.size(); i++) {
                    assertThat(events.get(i)).as("event %d of %s", i, events).isNotEqualTo(events.get(i - 1));
                }
                boolean banned = fail2ban.client("banned", ip).contains("sshd");
                assertThat(events.get(events.size() - 1)).as("last archived event vs fail2ban")
                        .isEqualTo(banned ? "BAN" : "UNBAN");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBanWhoseReplyComesAfterTheTimeoutIsReportedAndAuditedAsDone() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        // its own thread: the common pool may have a single thread on 2 cores, which the HTTP client also uses
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Future<Api.Response> response;
        stallAfterBanOf("192.0.2.61");
        try {
            response = caller.submit(() -> ban("sshd", "192.0.2.61"));
            await(() -> timedOut(log), "the service gave up waiting for fail2ban's reply");
        } finally {
            resume();
            release(log);
            caller.shutdown();
        }
        Api.Response answered = response.get();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(fail2ban.client("banned", "192.0.2.61")).contains("sshd");
        assertThat(archivedEvents("192.0.2.61")).containsExactly("BAN");
        assertThat(auditOutcomes("sshd/192.0.2.61")).containsExactly("success");
    }

    @Test
    void aBanWhoseOutcomeIsUnknownInTimeAnswers503AndIsReconciledWhenFail2banAnswers() throws Exception {
        Api.Response answered;
        stallAfterBanOf("192.0.2.62");
        try {
            answered = ban("sshd", "192.0.2.62");
        } finally {
            resume();
        }
        assertThat(answered.status()).isEqualTo(503);
        assertThat(answered.json()).containsEntry("code", "outcome_unknown");
        assertThat(answered.body()).doesNotContain(fail2ban.socket().toString());

        await(() -> archivedEvents("192.0.2.62").contains("BAN"), "the late ban is archived");
        assertThat(fail2ban.client("banned", "192.0.2.62")).contains("sshd");
        await(() -> auditOutcomes("sshd/192.0.2.62").contains("success"), "the late ban is audited");
        assertThat(auditOutcomes("sshd/192.0.2.62")).containsExactly("success", "failure:outcome_unknown");
    }

    private ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    private static boolean timedOut(ListAppender<ILoggingEvent> log) {
        synchronized (log.list) {
            return log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("fail2ban_command_timeout"));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Outcomes of the ban entries for {@code target}, newest first: success or failure:code. */
    private List<String> auditOutcomes(String target) {
        return api.get("/api/v1/audit?action=ban&limit=500").list("entries").stream()
                .filter(e -> target.equals(e.get("target")))
                .map(e -> "success".equals(e.get("outcome")) ? "success" : "failure:" + e.get("detail"))
                .toList();
    }

    private String banLine(String jail, String ip) {
        return fail2ban.client("get", jail, "banip", "--with-time").lines().filter(l -> l.contains(ip))
                .findFirst().orElseThrow(() -> new AssertionError(ip + " is not banned in " + jail));
    }

    private List<String> archivedEvents(String ip) {
        List<String> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
             var statement = connection.prepareStatement("SELECT end_reason FROM history WHERE ip = ? ORDER BY id")) {
            statement.setString(1, ip);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // each entry is a ban, and an unban once it ended as unbanned
                    events.add("BAN");
                    if ("unbanned".equals(rows.getString(1))) {
                        events.add("UNBAN");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
