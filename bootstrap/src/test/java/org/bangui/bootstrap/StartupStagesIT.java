package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Start-up stages of the packaged service as a real process. */
class StartupStagesIT {

    private static Process start(Path dir, Path database, Path socket, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "bangui.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of(
                "BANGUI_PORT", "0",
                "BANGUI_DATABASE_PATH", database.toString(),
                "BANGUI_FAIL2BAN_SOCKET", socket.toString(),
                "BANGUI_FAIL2BAN_CONFIG_DIR", dir.toString(),
                "BANGUI_SETUP_TOKEN", "startup-it-token-77a1",
                "BANGUI_LOG_FORMAT", "text"));
        return builder.start();
    }

    @Test
    void unreadableDatabaseFileStopsTheStartWithOneLineSayingWhatToFixAndAFailureStatus() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Path database = dir.resolve("bangui.db");
        byte[] garbage = new byte[20_000];
        new Random(7).nextBytes(garbage);
        Files.write(database, garbage);
        Path output = dir.resolve("bangui.log");
        Process process = start(dir, database, dir.resolve("no-fail2ban.sock"), output);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        String log = Files.readString(output);
        assertThat(process.exitValue()).as(log).isNotZero();
        assertThat(log).contains("startup_failed stage=database reason=\"" + database
                + " is not an SQLite database (or is damaged); restore it from a backup");
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(Files.readAllBytes(database)).as("the file is left as it was").isEqualTo(garbage);
    }

    @Test
    void runLeftUnfinishedByADeadProcessIsMarkedInterruptedWhenTheNextInstanceTakesTheLock() throws Exception {
        Path dir = Files.createTempDirectory("bangui-startup-it-");
        Path database = dir.resolve("data/bangui.db");
        Files.createDirectories(database.getParent());
        String url = "jdbc:sqlite:" + database;
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO job_run (job, instance, run_trigger, started_at, detail) "
                    + "VALUES ('session_cleanup', 'dead-host:4242:0badf00d', 'schedule', 1700000000000, '')");
        }
        Path output = dir.resolve("bangui.log");
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"))) {
            Process process = start(dir, database, fail2ban.socket(), output);
            try {
                while (process.isAlive() && !Files.readString(output).contains("startup_stage_completed stage=tasks")) {
                    Thread.sleep(100);
                }
                String log = Files.readString(output);
                assertThat(process.isAlive()).as(log).isTrue();
                List<String> stages = log.lines().filter(l -> l.contains("startup_stage_completed stage="))
                        .map(l -> l.substring(l.indexOf("stage=") + 6, l.indexOf(" ms="))).toList();
                assertThat(stages).containsExactly("database", "scheduler_lock", "caches", "scheduler", "tasks");
                assertThat(log).contains("job_runs_interrupted count=1");
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT outcome, finished_at FROM job_run WHERE instance = "
                     + "'dead-host:4242:0badf00d'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("outcome")).isEqualTo("interrupted");
            assertThat(row.getLong("finished_at")).isPositive();
        }
    }
}
