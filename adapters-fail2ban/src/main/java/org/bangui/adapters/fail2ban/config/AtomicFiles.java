package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Reads and replaces files below one directory: paths resolved with symlinks followed must stay inside the
 * directory's real path; a write goes to a private temporary file in the target's directory, is fsynced, takes
 * the old file's owner, group and mode, is renamed over the target atomically, and the directory is fsynced.
 */
final class AtomicFiles {

    /** Largest file read or written. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> NEW_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    AtomicFiles(Path root) {
        this.root = root;
    }

    /** The file's current bytes; empty if it does not exist. */
    Optional<byte[]> read(ConfigFile file) throws IOException {
        Optional<Path> target = resolve(file, false);
        if (target.isEmpty() || !Files.exists(target.get())) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(target.get())) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException("file_too_large", "the file is larger than 1 MiB");
            }
            return Optional.of(bytes);
        }
    }

    /** Replaces the file with {@code content}, or deletes it when empty; creates its directory if missing. */
    void write(ConfigFile file, Optional<byte[]> content) throws IOException {
        if (content.isPresent() && content.get().length > MAX_BYTES) {
            throw new InvalidInputException("file_too_large", "the file would be larger than 1 MiB");
        }
        Optional<Path> resolved = resolve(file, content.isPresent());
        if (resolved.isEmpty()) {
            return; // deleting a file whose directory is gone: nothing to delete
        }
        Path target = resolved.get();
        if (!target.getFileName().toString().endsWith(".local")) {
            throw outside(); // a .local that is a link to a shipped .conf: never written through
        }
        Path dir = target.getParent();
        if (content.isEmpty()) {
            if (Files.deleteIfExists(target)) {
                fsyncAfterRename(dir);
            }
            return;
        }
        Optional<PosixFileAttributes> old = Files.exists(target)
                ? Optional.of(Files.readAttributes(target, PosixFileAttributes.class)) : Optional.empty();
        Path temp = Files.createTempFile(dir, ".bangui-", ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.get());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            keepOwnership(temp, old);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncAfterRename(dir);
    }

    /**
     * Makes the rename durable. It has happened already: the new bytes are what fail2ban reads, so a failure here
     * must not make the caller believe nothing was written (it would then not restore or record the file).
     */
    private static void fsyncAfterRename(Path dir) {
        try {
            fsync(dir);
        } catch (IOException e) {
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "config_dir_fsync_failed reason=" + e.getClass().getSimpleName());
        }
    }

    private static void keepOwnership(Path temp, Optional<PosixFileAttributes> old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (old.isEmpty()) {
            view.setPermissions(NEW_FILE);
            return;
        }
        PosixFileAttributes now = view.readAttributes();
        UserPrincipal owner = old.get().owner();
        GroupPrincipal group = old.get().group();
        // only root may give a file away; a non-root BanGUI can only write files it owns anyway
        if (!now.owner().equals(owner)) {
            view.setOwner(owner);
        }
        if (!now.group().equals(group)) {
            view.setGroup(group);
        }
        view.setPermissions(old.get().permissions());
    }

    /**
     * The real path of {@code file}: inside the root, a regular file if it exists, its directory created (mode
     * 0755) when {@code create} and missing. Empty when the directory is missing and not created.
     */
    private Optional<Path> resolve(ConfigFile file, boolean create) throws IOException {
        Path realRoot = root.toRealPath();
        Path path = realRoot.resolve(file.path());
        Path parent = path.getParent();
        if (!Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            if (!create) {
                return Optional.empty();
            }
            Files.createDirectory(parent, PosixFilePermissions.asFileAttribute(NEW_DIR));
            Files.setPosixFilePermissions(parent, NEW_DIR); // the umask may have taken bits away
        }
        Path realParent = parent.toRealPath();
        if (!realParent.startsWith(realRoot) || !Files.isDirectory(realParent)) {
            throw outside();
        }
        Path candidate = realParent.resolve(path.getFileName());
        if (Files.isSymbolicLink(candidate) || Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(candidate)) {
                throw outside(); // a dangling symlink: where it points cannot be checked
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw outside();
            }
            return Optional.of(real);
        }
        return Optional.of(candidate);
    }

    private static InvalidInputException outside() {
        return new InvalidInputException("invalid_file", "the file is not a regular file inside the config dir");
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static boolean same(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || Arrays.equals(a.get(), b.get()));
    }
}
