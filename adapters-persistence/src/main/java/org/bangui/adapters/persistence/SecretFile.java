package org.bangui.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small secret kept in a file only its owner can read (mode 0600), written atomically: a crash leaves
 * either no file or the whole secret, never half of it.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public SecretFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** A random base64url secret of {@code bytes} random bytes. */
    public static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The secret, if the file exists. */
    public Optional<String> read() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The existing secret, or a new one from {@code generator}, stored first. The flag says which. */
    public Result readOrCreate(Supplier<String> generator) {
        Optional<String> existing = read();
        if (existing.isPresent() && !existing.get().isEmpty()) {
            return new Result(existing.get(), false);
        }
        String secret = generator.get();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".secret-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return new Result(secret, true);
        } catch (FileAlreadyExistsException raced) {
            return new Result(read().orElseThrow(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes the file if it exists. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** A secret and whether it was created just now. */
    public record Result(String secret, boolean created) {

        @Override
        public String toString() {
            return "Result[created=" + created + "]";
        }
    }
}
