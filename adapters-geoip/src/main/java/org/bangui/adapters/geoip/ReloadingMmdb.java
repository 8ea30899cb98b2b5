package org.bangui.adapters.geoip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One {@code .mmdb} file, reloaded when it changes. At most once per check interval a lookup thread compares
 * the file's identity (inode, size, modification time) with the loaded one and, if it differs, opens the new
 * file and swaps the reader in one volatile write. Readers hold the whole file in heap memory
 * ({@link Reader.FileMode#MEMORY}): a file rewritten in place never changes bytes under a reader in use, and a
 * replaced reader is left to the garbage collector rather than closed under a lookup still running on it.
 */
final class ReloadingMmdb {

    private static final System.Logger LOG = System.getLogger(ReloadingMmdb.class.getName());

    /** What is loaded now, and why not if nothing is. */
    sealed interface State permits Loaded, Unavailable {
    }

    /** A readable file. */
    record Loaded(Reader reader, Object identity, String databaseType, Instant buildTime, String version)
            implements State {
    }

    /** No usable file; {@code reason} is printable ({@code missing}, {@code unreadable: ...}), never a path. */
    record Unavailable(String reason, Object identity) implements State {
    }

    private final String name;
    private final Path path;
    private final long checkNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile State state;
    private volatile long nextCheck;

    ReloadingMmdb(String name, Path path, Duration checkInterval, LongSupplier nanoTime) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = Objects.requireNonNull(path, "path");
        this.checkNanos = checkInterval.toNanos();
        this.nanoTime = nanoTime;
        this.state = new Unavailable("not loaded yet", null);
        reload();
        this.nextCheck = nanoTime.getAsLong() + checkNanos;
    }

    /** The current state, after a reload if the check interval has passed and the file changed. */
    State state() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck >= 0 && reloading.tryLock()) {
            try {
                if (now - nextCheck >= 0) {
                    reload();
                    nextCheck = nanoTime.getAsLong() + checkNanos;
                }
            } finally {
                reloading.unlock();
            }
        }
        return state;
    }

    private void reload() {
        Object identity;
        try {
            identity = identity();
        } catch (NoSuchFileException e) {
            if (!(state instanceof Unavailable u && "missing".equals(u.reason()))) {
                LOG.log(System.Logger.Level.WARNING, "geoip_database_missing database=" + name);
            }
            state = new Unavailable("missing", null);
            return;
        } catch (IOException e) {
            state = new Unavailable("unreadable: cannot read its attributes", null);
            return;
        }
        State current = state;
        Object loadedIdentity = current instanceof Loaded l ? l.identity() : ((Unavailable) current).identity();
        if (identity.equals(loadedIdentity)) {
            return; // unchanged, whether it loaded or not: a broken file is not re-read until it changes
        }
        try {
            Reader reader = new Reader(path.toFile(), Reader.FileMode.MEMORY, new CHMCache());
            if (!identity.equals(identity())) {
                return; // still being written: try again at the next check
            }
            var metadata = reader.getMetadata();
            // the file's own identity too: a damaged or partial copy can carry the same metadata as the good
            // file, and answers cached under its version must not be mistaken for the good file's
            String version = metadata.databaseType() + "@" + metadata.buildEpoch() + "/"
                    + Integer.toHexString(identity.hashCode());
            state = new Loaded(reader, identity, metadata.databaseType(), metadata.buildTime(), version);
            LOG.log(System.Logger.Level.INFO, "geoip_database_loaded database=" + name + " type="
                    + metadata.databaseType().replaceAll("[^A-Za-z0-9._-]", "_")
                    + " build_time=" + metadata.buildTime());
        } catch (IOException | RuntimeException e) {
            if (current instanceof Loaded) {
                // keep answering from the previous file; the broken one is retried once it changes again
                LOG.log(System.Logger.Level.WARNING, "geoip_database_reload_failed database=" + name
                        + " kept=previous error=" + e.getClass().getSimpleName());
                state = new Loaded(((Loaded) current).reader(), identity, ((Loaded) current).databaseType(),
                        ((Loaded) current).buildTime(), ((Loaded) current).version());
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "geoip_database_unreadable database=" + name + " error="
                    + e.getClass().getSimpleName());
            state = new Unavailable("unreadable: not a MaxMind DB file", identity);
        }
    }

    private Object identity() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return java.util.List.of(String.valueOf(attributes.fileKey()), attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }
}
