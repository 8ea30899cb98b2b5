package org.bangui.bootstrap;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The {@code database} start-up stage, run before the connection pool opens the file: creates its directory,
 * opens the file, runs {@code PRAGMA quick_check} and applies the migrations (micronaut-flyway's own migration is
 * off, so that a failure is reported here as {@code startup_failed stage=database reason=...} with what to fix
 * rather than as a stack trace). The {@code -wal} and {@code -shm} files are never deleted: they may hold
 * committed data.
 */
@Singleton
class DatabaseStage implements BeanCreatedEventListener<DatasourceConfiguration> {

    /**
     * The versions of the migrations in adapters-persistence's {@code db/migration} (SQL files and Java
     * classes), in order; {@code DatabaseStageTest} keeps this list equal to the files.
     */
    static final List<String> SCHEMA_VERSIONS = List.of("1", "2", "3", "4", "5", "6", "6.1", "6.2", "7", "8", "9",
            "10");
    private static final String PREFIX = "jdbc:sqlite:";
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url == null || !url.startsWith(PREFIX)) {
            return configuration;
        }
        long started = System.nanoTime();
        try {
            open(url);
            migrate(url);
        } catch (StartupStages.StageFailure e) {
            StartupStages.failed("database", e.getMessage());
        }
        StartupStages.completed("database", started);
        return configuration;
    }

    /**
     * Whether every migration this release carries is applied, successfully, and no other: then Flyway, which
     * costs a few hundred milliseconds of class loading and class-path scanning at each start, has nothing to
     * do. Anything else (a new file, an older schema, a failed or unknown migration) goes through Flyway, which
     * migrates or reports it.
     */
    static boolean upToDate(String url) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL")) {
            Set<String> versions = new HashSet<>();
            while (applied.next()) {
                if (!applied.getBoolean(2) || !versions.add(applied.getString(1))) {
                    return false;
                }
            }
            return versions.equals(Set.copyOf(SCHEMA_VERSIONS));
        } catch (SQLException e) {
            return false; // no history table yet: a new file
        }
    }

    private static String file(String url) {
        String path = url.substring(PREFIX.length());
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }

    private static void open(String url) {
        String file = file(url);
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StartupStages.StageFailure("cannot create the database directory " + parent + " ("
                    + e.getClass().getSimpleName() + "); create it, writable by the BanGUI user, or set "
                    + "BANGUI_DATABASE_PATH");
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = check.next() ? check.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new StartupStages.StageFailure("PRAGMA quick_check found damage in " + file + " (" + verdict
                        + "); stop BanGUI, restore the file from a backup together with its -wal and -shm files, "
                        + "and start again");
            }
        } catch (SQLException e) {
            int code = e.getErrorCode();
            String fix = switch (code) {
                case SQLITE_NOTADB -> file + " is not an SQLite database (or is damaged); restore it from a "
                        + "backup or point BANGUI_DATABASE_PATH at another file";
                case SQLITE_CANTOPEN, SQLITE_READONLY -> "cannot open " + file + " for writing; check that it and "
                        + "its directory are writable by the BanGUI user";
                default -> "cannot open " + file + " (SQLite error " + code + "); check the file and its directory";
            };
            throw new StartupStages.StageFailure(fix);
        }
    }

    private static void migrate(String url) {
        if (upToDate(url)) {
            return;
        }
        try {
            Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new StartupStages.StageFailure("a database migration failed (" + message + "); the failing "
                    + "migration was rolled back: restore the file from a backup, or run the BanGUI version that "
                    + "wrote it");
        }
    }
}
