package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.domain.ban.BanEvent;
import org.bangui.domain.ban.BanHistoryPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ban archive on a real SQLite file, with no test transaction around the calls. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BanHistoryPersistenceIT implements TestPropertyProvider {

    @Inject
    BanHistoryPort history;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("bangui-db-it-");
            // a nested directory that does not exist yet: the service must create it
            return Map.of("bangui.database.path", dir.resolve("nested/dir/bangui.db").toString(),
                    "bangui.fail2ban.socket", dir.resolve("absent.sock").toString());
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
                        history.record(List.of(new BanEvent(BanEvent.Type.BAN, JailName.of("sshd"),
                                IpNetwork.parse("198.51.100." + (w + 100)), Instant.ofEpochMilli(1_000_000L + i))));
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
            assertThat(history.eventsFor(IpNetwork.parse("198.51.100." + (writer + 100)), 1000)).hasSize(50);
        }
    }

    @Test
    void readsNewestFirstWithinTheLimit() {
        IpNetwork address = IpNetwork.parse("2001:db8::77");
        history.record(List.of(
                new BanEvent(BanEvent.Type.BAN, JailName.of("sshd"), address, Instant.parse("2026-11-21T05:00:00Z")),
                new BanEvent(BanEvent.Type.UNBAN, JailName.of("sshd"), address, Instant.parse("2026-11-21T05:10:00Z")),
                new BanEvent(BanEvent.Type.BAN, JailName.of("web"), address, Instant.parse("2026-11-21T05:20:00Z"))));
        List<BanEvent> events = history.eventsFor(address, 2);
        assertThat(events).extracting(BanEvent::at).containsExactly(Instant.parse("2026-11-21T05:20:00Z"),
                Instant.parse("2026-11-21T05:10:00Z"));
        assertThat(events.get(0).jail()).isEqualTo(JailName.of("web"));
    }
}
