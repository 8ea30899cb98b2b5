package org.bangui.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/** Real SQLite files in a temporary directory, migrated by the service's own Flyway scripts. */
final class SqliteFiles {

    /** The production connection settings (see bootstrap's application.yml). */
    static final String PRAGMAS = "?journal_mode=WAL&busy_timeout=5000&foreign_keys=on&synchronous=NORMAL"
            + "&transaction_mode=IMMEDIATE";

    private SqliteFiles() {
    }

    /** A new, migrated database file. */
    static Path migratedDatabase() {
        try {
            Path file = Files.createTempDirectory("bangui-sqlite-").resolve("bangui.db");
            Flyway.configure().dataSource(url(file), null, null).locations("classpath:db/migration").load().migrate();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file + PRAGMAS;
    }

    /** A data source of its own on {@code file}, as a second process would open it. */
    static DataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url(file));
        return dataSource;
    }
}
