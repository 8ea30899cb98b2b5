package org.bangui.adapters.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the directory of the SQLite file before the pool opens it: SQLite creates a missing database file
 * but not a missing directory, and the default path sits in a directory of its own.
 */
@Singleton
public class DatabaseDirectoryCreator implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null && url.startsWith(PREFIX)) {
            databaseFile(url).map(Path::toAbsolutePath).map(Path::getParent).ifPresent(directory -> {
                try {
                    Files.createDirectories(directory);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the database directory " + directory, e);
                }
            });
        }
        return configuration;
    }

    static java.util.Optional<Path> databaseFile(String url) {
        String path = url.substring(PREFIX.length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(path));
    }
}
