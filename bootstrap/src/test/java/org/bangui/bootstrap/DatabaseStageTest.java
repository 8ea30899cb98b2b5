package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up's skip of Flyway when the schema is current: taken only when every migration is applied. */
class DatabaseStageTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)?)__\\w+\\.(?:sql|java)");

    @TempDir
    Path dir;

    @Test
    void theListOfSchemaVersionsIsTheMigrationsThisReleaseCarries() throws IOException {
        Path persistence = RepositoryFiles.root().resolve("adapters-persistence/src/main");
        List<String> found = new ArrayList<>();
        for (Path migrations : List.of(persistence.resolve("resources/db/migration"),
                persistence.resolve("java/db/migration"))) {
            try (Stream<Path> files = Files.list(migrations)) {
                files.map(f -> MIGRATION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                        .forEach(m -> found.add(m.group(1).replace('_', '.')));
            }
        }
        found.sort(Comparator.comparing(DatabaseStageTest::numeric));
        assertThat(DatabaseStage.SCHEMA_VERSIONS).isEqualTo(found);
    }

    @Test
    void aFullyMigratedFileIsUpToDate() {
        String url = migrated();
        assertThat(DatabaseStage.upToDate(url)).isTrue();
    }

    @Test
    void aNewFileOrAnOlderSchemaGoesThroughFlyway() throws SQLException {
        assertThat(DatabaseStage.upToDate("jdbc:sqlite:" + dir.resolve("new.db"))).isFalse();
        String url = migrated();
        execute(url, "DELETE FROM flyway_schema_history WHERE version = '10'");
        assertThat(DatabaseStage.upToDate(url)).isFalse();
    }

    @Test
    void aFailedOrUnknownMigrationGoesThroughFlyway() throws SQLException {
        String failed = migrated();
        execute(failed, "UPDATE flyway_schema_history SET success = 0 WHERE version = '6.2'");
        assertThat(DatabaseStage.upToDate(failed)).isFalse();

        Path other = dir.resolve("newer");
        String newer = migrated(other);
        execute(newer, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) VALUES (99, '11', 'from a newer release', "
                + "'SQL', 'V11__x.sql', 0, '', 0, 1)");
        assertThat(DatabaseStage.upToDate(newer)).isFalse();
    }

    private String migrated() {
        return migrated(dir);
    }

    private static String migrated(Path where) {
        try {
            Files.createDirectories(where);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = "jdbc:sqlite:" + where.resolve("bangui.db");
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
        return url;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double numeric(String version) {
        return Double.parseDouble(version);
    }
}
