package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged service as a real process, a real fail2ban and a loopback list server: a blocklist import of
 * 30,000 entries cut short by kill -9 or by SIGTERM is finished by the next start, and the jail then holds the
 * list exactly, each entry stored once as banned and archived once. Small ban batches (20 per {@code banip})
 * make the first import last long enough to be cut mid-way; the kill -9 lands while a batch is stored as banning
 * and its {@code banip} sits unanswered in a frozen fail2ban, which carries it out after the kill: the resume
 * then finds pending entries that are banned already. The restarts use the default batch size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlocklistCrashIT {

    private static final int ENTRIES = 30_000;
    /** Addresses per banip at the first start: many batches, so that the kill lands mid-import. */
    private static final int FIRST_BATCH = 20;
    private static final String TOKEN = "blocklist-crash-it-token-7c2e";
    private static final String PASSWORD = "correct horse battery staple";
    /** A pickled {@code set blocklist banip} of 20 addresses is larger than this; a status or ping is smaller. */
    private static final long BANIP_BYTES = 200;
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private Path dir;
    private Fail2banSandbox fail2ban;
    private ListServer lists;
    private Path database;
    private Path log;

    @BeforeAll
    void startFail2banAndLists() throws IOException {
        dir = Files.createTempDirectory("bangui-blocklist-crash-it-");
        fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
        lists = new ListServer();
    }

    @AfterAll
    void stop() {
        lists.close();
        fail2ban.close();
    }

    @BeforeEach
    void emptyJailAndFreshDatabase(TestInfo test) {
        fail2ban.client("unban", "--all"); // also forgets them in fail2ban's database
        String name = test.getTestMethod().orElseThrow().getName();
        database = dir.resolve(name + "/bangui.db");
        log = dir.resolve(name + "/service.log");
    }

    @Test
    void anImportKilledMidwayIsResumedAtRestartAndTheJailEqualsTheListExactly() throws Exception {
        List<String> list = addresses(0, ENTRIES);
        lists.serve("/crash.txt", list.toArray(String[]::new));
        long source;
        try (ServiceProcess service = ServiceProcess.start(env(), log)) {
            Api api = service.setUp(TOKEN, PASSWORD);
            source = create(api, "crash", "/crash.txt");
            long first = awaitBanningMidway(api, source);
            // the worst moment: a batch marked banning and its banip sent, but not answered (fail2ban frozen).
            // Frozen while it works on a command it has read, fail2ban leaves nothing unread and BanGUI waits for
            // its answer: then let it go on a moment and freeze it again, until a banip is caught unread.
            boolean caught = false;
            for (int attempt = 0; attempt < 100 && !caught; attempt++) {
                fail2ban.pause();
                try {
                    caught = waitUntil(Duration.ofMillis(500), () -> unreadCommandBytes() >= BANIP_BYTES
                            && number("SELECT count(*) FROM blocklist_entry WHERE state = 0") > 0);
                    if (caught) {
                        service.kill();
                    }
                } finally {
                    fail2ban.resume();
                }
                if (!caught) {
                    Thread.sleep(20);
                }
            }
            assertThat(caught).as("a banip caught unread in fail2ban's socket within 100 freezes").isTrue();
            Set<String> pending = new HashSet<>(texts("SELECT entry FROM blocklist_entry WHERE state = 0"));
            assertThat(pending).as("entries stored as banning when the import was killed").isNotEmpty();
            // fail2ban carries out the command it read after the kill: one batch banned, though stored as banning
            // (the writer may also have stored the next batch as banning; that one was never sent)
            Eventually.await("the sent pending batch banned", Duration.ofSeconds(10), () -> {
                Set<String> now = new HashSet<>(banned());
                return pending.stream().filter(now::contains).count() >= FIRST_BATCH;
            });
            assertThat(banned()).as("bans in the jail when the import was killed").hasSizeBetween(1, ENTRIES - 1);
            assertThat(text("SELECT status FROM blocklist_import WHERE id = " + first)).isEqualTo("running");
        }
        try (ServiceProcess restarted = ServiceProcess.start(restartEnv(), log)) {
            Api api = login(restarted);
            Map<String, Object> resumed = awaitResumeSucceeded(api, source);
            assertThat(resumed.get("status")).as(resumed.toString()).isEqualTo("succeeded");
            List<String> statuses = statuses(api, source); // newest first
            assertThat(statuses.get(0)).isEqualTo("succeeded");
            assertThat(statuses.subList(1, statuses.size())).as(statuses.toString()).isNotEmpty()
                    .allMatch("interrupted"::equals);
            assertMirrored(source, list);
            Eventually.await("history_sync has archived every ban", Duration.ofSeconds(30),
                    () -> number("SELECT count(DISTINCT ip) FROM history WHERE jail = 'blocklist'") == ENTRIES);
            assertThat(number("SELECT count(*) FROM (SELECT ip FROM history WHERE jail = 'blocklist' "
                    + "GROUP BY ip HAVING count(*) > 1)")).as("addresses archived twice").isZero();

            // the list loses its first 1,000 entries and gains 1,500 new ones
            List<String> changed = new ArrayList<>(list.subList(1_000, ENTRIES));
            changed.addAll(addresses(ENTRIES, 1_500));
            lists.serve("/crash.txt", changed.toArray(String[]::new));
            Api.Response asked = api.post("/api/v1/blocklists/" + source + "/import", "");
            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            Map<String, Object> manual = awaitFinished(api, source, "manual");
            assertThat(manual).containsEntry("status", "succeeded").containsEntry("banned", 1_500)
                    .containsEntry("unbanned", 1_000);
            assertMirrored(source, changed);
        }
    }

    @Test
    void sigtermMidImportInterruptsItAndTheNextStartResumesIt() {
        List<String> list = addresses(100_000, ENTRIES);
        lists.serve("/term.txt", list.toArray(String[]::new));
        long source;
        try (ServiceProcess service = ServiceProcess.start(env(), log)) {
            Api api = service.setUp(TOKEN, PASSWORD);
            source = create(api, "term", "/term.txt");
            long first = awaitBanningMidway(api, source);
            service.terminate();
            assertThat(service.awaitExit(Duration.ofSeconds(20))).as("a SIGTERM handled to completion").isIn(0, 143);
            assertThat(banned()).as("bans in the jail when the service stopped").hasSizeBetween(1, ENTRIES - 1);
            assertThat(text("SELECT status FROM blocklist_import WHERE id = " + first)).isEqualTo("interrupted");
        }
        try (ServiceProcess restarted = ServiceProcess.start(restartEnv(), log)) {
            Api api = login(restarted);
            Map<String, Object> resumed = awaitResumeSucceeded(api, source);
            assertThat(resumed.get("status")).as(resumed.toString()).isEqualTo("succeeded");
            assertMirrored(source, list);
        }
    }

    private Map<String, String> env() {
        return Map.ofEntries(Map.entry("BANGUI_DATABASE_PATH", database.toString()),
                Map.entry("BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString()),
                Map.entry("BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString()),
                Map.entry("BANGUI_FAIL2BAN_DB_PATH", fail2ban.database().toString()),
                Map.entry("BANGUI_SETUP_TOKEN", TOKEN),
                // many small batches: the import lasts seconds, long enough to be cut between two of them
                Map.entry("BANGUI_FAIL2BAN_BAN_BATCH_SIZE", String.valueOf(FIRST_BATCH)),
                // the killed instance's lock lapses quickly, so the restarted one leads at once
                Map.entry("BANGUI_SCHEDULER_HEARTBEAT", "1s"), Map.entry("BANGUI_SCHEDULER_LOCK_TTL", "3s"),
                Map.entry("BANGUI_SHUTDOWN_TIMEOUT", "2s"),
                Map.entry("BANGUI_HISTORY_SYNC_INTERVAL", "2s"),
                Map.entry("BANGUI_BLOCKLIST_CHECK_INTERVAL", "1s"),
                // the list server is on loopback
                Map.entry("BANGUI_BLOCKLIST_ALLOW_PRIVATE", "true"),
                Map.entry("BANGUI_RATE_LIMIT_BLOCKLIST_IMPORTS", "off"),
                Map.entry("BANGUI_RATE_LIMIT_GLOBAL", "1000000/1m"),
                // no health check command in fail2ban's socket beside the import's
                Map.entry("BANGUI_JOBS_HEALTH_CHECK_INTERVAL", "1h"));
    }

    /** The same, with the default batch size: the resumed import need not be slow. */
    private Map<String, String> restartEnv() {
        Map<String, String> env = new HashMap<>(env());
        env.put("BANGUI_FAIL2BAN_BAN_BATCH_SIZE", "500");
        return env;
    }

    /** Polls {@code condition} until it holds or {@code limit} passes; whether it held. */
    private static boolean waitUntil(Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /** Bytes sent to fail2ban's socket that it has not read yet, over all its connections ({@code ss -x}). */
    private long unreadCommandBytes() {
        String socket = fail2ban.socket().toString();
        try {
            Process ss = new ProcessBuilder("ss", "-xn").redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            long unread = 0;
            for (String line : output.lines().toList()) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 4 && columns[4].equals(socket)) {
                    unread += Long.parseLong(columns[2]); // Recv-Q of fail2ban's end of a connection
                }
            }
            return unread;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Api login(ServiceProcess service) {
        return service.api().login(PASSWORD);
    }

    /**
     * Distinct addresses 45.77.0.1 onwards (public space: lists never ban private networks), {@code count} of them
     * from the {@code from}-th.
     */
    private static List<String> addresses(int from, int count) {
        List<String> addresses = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            addresses.add("45." + (77 + i / 62_500) + "." + (i % 62_500 / 250) + "." + (i % 250 + 1));
        }
        return addresses;
    }

    private long create(Api api, String name, String path) {
        Api.Response created = api.post("/api/v1/blocklists", "{\"name\":\"" + name + "\",\"url\":\""
                + lists.url(path) + "\",\"jail\":\"blocklist\",\"enabled\":true,\"schedule\":\"6h\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ((Number) created.json().get("id")).longValue();
    }

    /** Waits until the source's first import has banned some entries and still runs; returns its id. */
    private static long awaitBanningMidway(Api api, long source) {
        long[] id = new long[1];
        Eventually.await("an import of source " + source + " that has banned some entries", Duration.ofSeconds(30),
                () -> imports(api, source).stream().anyMatch(i -> {
                    id[0] = ((Number) i.get("id")).longValue();
                    return "running".equals(i.get("status")) && ((Number) i.get("banned")).longValue() > 0;
                }));
        return id[0];
    }

    /** The newest import of the source with {@code trigger}, once it has ended. */
    private static Map<String, Object> awaitFinished(Api api, long source, String trigger) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] found = new Map[1];
        Eventually.await("a finished " + trigger + " import of source " + source, Duration.ofSeconds(60), () -> {
            found[0] = imports(api, source).stream().filter(i -> trigger.equals(i.get("trigger"))).findFirst()
                    .orElse(null);
            return found[0] != null && !"running".equals(found[0].get("status"));
        });
        return found[0];
    }

    /**
     * The resume that succeeded. On a loaded machine a resume may itself be cut short (the 3 s lock TTL of these
     * tests lapses while the database's write lock is busy, and the import stops as it must); the next run then
     * resumes again.
     */
    private static Map<String, Object> awaitResumeSucceeded(Api api, long source) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] found = new Map[1];
        Eventually.await("a succeeded resume of source " + source, Duration.ofSeconds(90), () -> {
            found[0] = imports(api, source).stream().filter(i -> "resume".equals(i.get("trigger"))
                    && "succeeded".equals(i.get("status"))).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static List<Map<String, Object>> imports(Api api, long source) {
        return api.get("/api/v1/blocklists/imports?source=" + source + "&limit=10").list("imports");
    }

    private static List<String> statuses(Api api, long source) {
        return imports(api, source).stream().map(i -> (String) i.get("status")).toList();
    }

    /** The jail holds exactly the list, and the source holds every entry of it as banned. */
    private void assertMirrored(long source, List<String> list) {
        Set<String> banned = banned();
        Set<String> missing = new HashSet<>(list);
        missing.removeAll(banned);
        Set<String> extra = new HashSet<>(banned);
        extra.removeAll(new HashSet<>(list));
        // plain set arithmetic: AssertJ's containsAll compares 30,000 x 30,000 pairs
        assertThat(missing).as("entries of the list missing from the jail").isEmpty();
        assertThat(extra).as("bans in the jail that the list does not hold").isEmpty();
        assertThat(number("SELECT count(*) FROM blocklist_entry WHERE source_id = " + source + " AND state = 1"))
                .isEqualTo(list.size());
        assertThat(number("SELECT count(*) FROM blocklist_entry WHERE source_id = " + source + " AND state <> 1"))
                .isZero();
    }

    private Set<String> banned() {
        Set<String> ids = new HashSet<>();
        Matcher m = QUOTED.matcher(fail2ban.client("get", "blocklist", "banned"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private long number(String sql) {
        return Long.parseLong(text(sql));
    }

    private List<String> texts(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private String text(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
