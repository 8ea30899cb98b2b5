package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Start-up stages of the packaged service as a real process. */
class StartupStagesIT {

    private static Map<String, String> env(Path dir, Path database, Path socket) {
        return Map.of("BANGUI_DATABASE_PATH", database.toString(),
                "BANGUI_FAIL2BAN_SOCKET", socket.toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", dir.toString(),
                "BANGUI_SETUP_TOKEN", "startup-it-token-77a1");
    }

    @Test
    void unreadableDatabaseFileStopsTheStartWithOneLineSayingWhatToFixAndAFailureStatus() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Path database = dir.resolve("bangui.db");
        byte[] garbage = new byte[20_000];
        new Random(7).nextBytes(garbage);
        Files.write(database, garbage);
        try (ServiceProcess service = ServiceProcess.launch(env(dir, database, dir.resolve("no-fail2ban.sock")),
                dir.resolve("bangui.log"))) {
            int exit = service.awaitExit(Duration.ofSeconds(60));
            String log = service.logText();
            assertThat(exit).as(log).isNotZero();
            assertThat(log).contains("startup_failed stage=database reason=\"" + database
                    + " is not an SQLite database (or is damaged); restore it from a backup");
            assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(database)).as("the file is left as it was").isEqualTo(garbage);
    }

    @Test
    void aMalformedSettingStopsTheStartWithOneLineNamingIt() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Map<String, String> env = new java.util.HashMap<>(env(dir, dir.resolve("bangui.db"), dir.resolve("none.sock")));
        env.put("BANGUI_SCHEDULER_HEARTBEAT", "abc");
        try (ServiceProcess service = ServiceProcess.launch(env, dir.resolve("bangui.log"))) {
            int exit = service.awaitExit(Duration.ofSeconds(60));
            String log = service.logText();
            assertThat(exit).as(log).isEqualTo(1);
            assertThat(log).contains("startup_failed stage=settings reason=\"bangui.scheduler.heartbeat: 'abc' is "
                    + "not a duration");
            assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void aManagementPortInUseStopsTheStartWithOneLineNamingTheAddress() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Map<String, String> env = new java.util.HashMap<>(env(dir, dir.resolve("bangui.db"), dir.resolve("none.sock")));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("BANGUI_MANAGEMENT_PORT", Integer.toString(taken.getLocalPort()));
            try (ServiceProcess service = ServiceProcess.launch(env, dir.resolve("bangui.log"))) {
                int exit = service.awaitExit(Duration.ofSeconds(60));
                String log = service.logText();
                assertThat(exit).as(log).isEqualTo(1);
                assertThat(log).contains("startup_failed stage=http reason=\"cannot listen on 127.0.0.1:"
                        + taken.getLocalPort() + ": address already in use\"");
                assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
            }
        }
    }

    @Test
    void anUnknownLogFormatStopsTheStartInsteadOfRunningWithoutAnyLog() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Map<String, String> env = new java.util.HashMap<>(env(dir, dir.resolve("bangui.db"), dir.resolve("none.sock")));
        env.put("BANGUI_LOG_FORMAT", "xml");
        try (ServiceProcess service = ServiceProcess.launch(env, dir.resolve("bangui.log"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(service.logText()).contains("startup_failed stage=settings reason=\"BANGUI_LOG_FORMAT: 'xml' is "
                    + "neither json nor text\"");
        }
    }

    @Test
    void theShutdownSettingsOldNameIsStillHonoured() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Map<String, String> env = new java.util.HashMap<>(env(dir, dir.resolve("bangui.db"), dir.resolve("none.sock")));
        env.put("BANGUI_SHUTDOWN_GRACE_PERIOD", "7x"); // malformed on purpose: the refusal proves it was read
        try (ServiceProcess service = ServiceProcess.launch(env, dir.resolve("bangui.log"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(service.logText()).contains("setting_renamed old=BANGUI_SHUTDOWN_GRACE_PERIOD")
                    .contains("startup_failed stage=settings reason=\"bangui.shutdown.timeout: '7x'");
        }
    }

    @Test
    void runLeftUnfinishedByADeadProcessIsMarkedInterruptedWhenTheNextInstanceTakesTheLock() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Path database = dir.resolve("data/bangui.db");
        Files.createDirectories(database.getParent());
        String url = "jdbc:sqlite:" + database;
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO job_run (job, instance, run_trigger, started_at, detail) "
                    + "VALUES ('session_cleanup', 'dead-host:4242:0badf00d', 'schedule', 1700000000000, '')");
        }
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
             ServiceProcess service = ServiceProcess.start(env(fail2ban.configDir(), database, fail2ban.socket()),
                     dir.resolve("bangui.log"))) {
            String log = service.logText();
            List<String> stages = log.lines().filter(l -> l.contains("startup_stage_completed stage="))
                    .map(l -> l.substring(l.indexOf("stage=") + 6, l.indexOf(" ms="))).toList();
            assertThat(stages).containsExactly("database", "scheduler_lock", "caches", "scheduler", "tasks");
            assertThat(log).contains("job_runs_interrupted count=1");
            service.terminate();
            service.awaitExit(Duration.ofSeconds(30));
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT outcome, finished_at FROM job_run WHERE instance = "
                     + "'dead-host:4242:0badf00d'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("outcome")).isEqualTo("interrupted");
            assertThat(row.getLong("finished_at")).isPositive();
        }
    }
}
