package org.bangui.adapters.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.FileChange;
import org.junit.jupiter.api.Test;

/** The kept versions of changed configuration files on a real, migrated SQLite file. */
class SqliteConfigChangeAdapterTest {

    private final SqliteConfigChangeAdapter store =
            new SqliteConfigChangeAdapter(SqliteFiles.dataSource(SqliteFiles.migratedDatabase()));

    @Test
    void aRecordedChangeReadsBackWithItsBytesAndAMissingBeforeStaysMissing() {
        FileChange created = new FileChange(ConfigFile.of("jail.d/web.local"), Optional.empty(),
                Optional.of("[web]\nenabled = true\n".getBytes(UTF_8)));
        ConfigChange recorded = store.record(created, Instant.ofEpochMilli(1_700_000_000_123L), "admin", "jail web");

        ConfigChange read = store.find(recorded.id()).orElseThrow();
        assertThat(read.change().file()).isEqualTo(ConfigFile.of("jail.d/web.local"));
        assertThat(read.change().before()).isEmpty();
        assertThat(new String(read.change().after().orElseThrow(), UTF_8)).isEqualTo("[web]\nenabled = true\n");
        assertThat(read.at()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(read.actor()).isEqualTo("admin");
        assertThat(read.summary()).isEqualTo("jail web");
    }

    @Test
    void onlyTheLastTenVersionsOfEachFileAreKeptAndOtherFilesAreNotPruned() {
        long other = store.record(change("jail.local", 0), Instant.EPOCH, "admin", "other").id();
        for (int i = 1; i <= 15; i++) {
            store.record(change("jail.d/sshd.local", i), Instant.EPOCH, "admin", "v" + i);
        }

        List<ConfigChange> kept = store.list(100);
        assertThat(kept).filteredOn(c -> c.change().file().path().equals("jail.d/sshd.local"))
                .extracting(ConfigChange::summary)
                .containsExactly("v15", "v14", "v13", "v12", "v11", "v10", "v9", "v8", "v7", "v6");
        assertThat(store.find(other)).isPresent();
        assertThat(store.list(3)).extracting(ConfigChange::summary).containsExactly("v15", "v14", "v13");
    }

    @Test
    void parallelRecordsOfOneFileStillKeepExactlyTheNewestTen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(() -> store.record(change("filter.d/web.local", n), Instant.EPOCH, "admin", "p").id());
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(writes)) {
                ids.add(f.get());
            }
            ids.sort(Comparator.reverseOrder());
            assertThat(store.list(100)).extracting(ConfigChange::id).containsExactlyElementsOf(ids.subList(0, 10));
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileChange change(String file, int version) {
        return new FileChange(ConfigFile.of(file), Optional.of(("v" + (version - 1)).getBytes(UTF_8)),
                Optional.of(("v" + version).getBytes(UTF_8)));
    }
}
