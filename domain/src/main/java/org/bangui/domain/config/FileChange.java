package org.bangui.domain.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One file's bytes before and after a write.
 *
 * @param file the file
 * @param before its bytes before; empty if it did not exist
 * @param after its bytes after; empty if it was deleted
 */
public record FileChange(ConfigFile file, Optional<byte[]> before, Optional<byte[]> after) {

    public FileChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The change that undoes this one. */
    public FileChange inverse() {
        return new FileChange(file, after, before);
    }
}
