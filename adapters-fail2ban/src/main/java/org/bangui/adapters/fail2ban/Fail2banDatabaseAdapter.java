package org.bangui.adapters.fail2ban;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.Fail2banDatabasePort;
import org.bangui.domain.history.Fail2banDatabaseUnavailableException;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.shared.DomainException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * {@link Fail2banDatabasePort} on fail2ban's SQLite file, opened read-only on every {@link #open()}: the
 * configured path, or else the one fail2ban reports ({@code get dbfile}).
 */
public final class Fail2banDatabaseAdapter implements Fail2banDatabasePort {

    private final Optional<Path> configuredPath;
    private final ServerPort server;
    private final int busyTimeoutMillis;
    private volatile Path lastReported;

    /**
     * @param configuredPath the file to read instead of the one fail2ban reports (a container mounting it
     *                       elsewhere)
     * @param busyTimeoutMillis how long a read waits for fail2ban's write lock before it gives up
     */
    public Fail2banDatabaseAdapter(Optional<Path> configuredPath, ServerPort server, int busyTimeoutMillis) {
        this.configuredPath = Objects.requireNonNull(configuredPath, "configuredPath");
        this.server = Objects.requireNonNull(server, "server");
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    @Override
    public Fail2banDatabase open() {
        Path file = configuredPath.orElseGet(this::reportedPath);
        if (!Files.exists(file)) {
            throw new Fail2banDatabaseUnavailableException("missing", "fail2ban's database file does not exist", null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Fail2banDatabaseUnavailableException("unreadable", "fail2ban's database file cannot be read",
                    null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(busyTimeoutMillis);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            return new Fail2banDatabaseReader(connection);
        } catch (SQLException e) {
            throw Fail2banDatabaseReader.unavailable(e);
        }
    }

    private Path reportedPath() {
        Optional<String> file;
        try {
            file = server.database().file();
        } catch (DomainException e) {
            if (lastReported != null) {
                return lastReported; // the file can be read while fail2ban is busy or restarting
            }
            throw new Fail2banDatabaseUnavailableException("fail2ban_unavailable",
                    "fail2ban cannot be asked where its database is: " + e.code(), null);
        }
        String name = file.map(String::trim).orElse("");
        if (name.isEmpty() || name.equalsIgnoreCase("none") || name.toLowerCase(Locale.ROOT).startsWith(":memory:")) {
            throw new Fail2banDatabaseUnavailableException("no_database", "fail2ban runs without a database file "
                    + "(dbfile); set one in fail2ban.local or BANGUI_FAIL2BAN_DB_PATH", null);
        }
        lastReported = Path.of(name);
        return lastReported;
    }
}
