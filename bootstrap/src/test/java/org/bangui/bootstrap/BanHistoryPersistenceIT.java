package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchivePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ban archive on a real SQLite file, with no test transaction around the calls, from 8 writers at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BanHistoryPersistenceIT implements TestPropertyProvider {

    @Inject
    HistoryArchivePort history;

    private Path database;

    @Override
    public Map<String, String> getProperties() {
        try {
            if (database == null) { // the framework may ask more than once
                // a nested directory that does not exist yet: the service must create it
                database = Files.createTempDirectory("bangui-db-it-").resolve("nested/dir/bangui.db");
            }
            return Map.of("bangui.database.path", database.toString(),
                    "bangui.fail2ban.socket", database.resolveSibling("absent.sock").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void concurrentWritersAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int w = writer;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        history.archive(List.of(ban("sshd", "198.51.100." + (w + 100),
                                Instant.ofEpochMilli(1_000_000L + i * 10_000L))));
                        history.endOpen("sshd", "198.51.100." + (w + 100), Instant.ofEpochMilli(1_005_000L
                                + i * 10_000L), EndReason.UNBANNED, Optional.of("admin"));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int writer = 0; writer < 8; writer++) {
            assertThat(column("SELECT end_reason FROM history WHERE ip = ?", "198.51.100." + (writer + 100)))
                    .hasSize(50).containsOnly("unbanned");
        }
    }

    @Test
    void anUnbanEndsOnlyTheOpenEntryOfItsJail() throws SQLException {
        String address = "2001:db8::77";
        history.archive(List.of(ban("sshd", address, Instant.parse("2026-11-21T05:00:00Z")),
                ban("web", address, Instant.parse("2026-11-21T05:20:00Z"))));
        history.endOpen("sshd", address, Instant.parse("2026-11-21T05:10:00Z"), EndReason.UNBANNED,
                Optional.of("admin"));
        assertThat(column("SELECT jail || ' ' || coalesce(end_reason, 'open') || ' ' || coalesce(ended_by, '-') "
                + "FROM history WHERE ip = ? ORDER BY banned_at DESC, id DESC", address))
                .containsExactly("web open -", "sshd unbanned admin");
    }

    private static BanRecord ban(String jail, String ip, Instant at) {
        return new BanRecord(jail, ip, at, Optional.of(600L), 1, 0, List.of(), Optional.empty(), BanOrigin.MANUAL);
    }

    private List<String> column(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
