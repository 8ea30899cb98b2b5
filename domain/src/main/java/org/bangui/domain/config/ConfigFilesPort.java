package org.bangui.domain.config;

import java.util.Optional;

/**
 * Writes fail2ban's {@code .local} files. Every write is atomic (a temporary file in the same directory, fsync,
 * rename), keeps an existing file's owner and mode, and changes only the bytes of the changed lines. Paths are
 * resolved with symlinks followed and must stay inside the config dir.
 */
public interface ConfigFilesPort {

    /**
     * Applies an edit to the current bytes of its file and writes the result.
     *
     * @return the file's bytes before and after
     * @throws org.bangui.domain.shared.InvalidInputException if the file would lie outside the config dir or the
     *         edit cannot be written as fail2ban would read it back (a line with leading or trailing blanks, an
     *         empty line inside a value, a comment-like continuation); which keys may span lines is the caller's
     *         check
     * @throws ConfigUnreadableException if the file cannot be read or written
     */
    FileChange apply(ConfigEdit edit);

    /**
     * Writes a file's bytes as given, or deletes it when {@code content} is empty: for rollbacks and reverts.
     *
     * @return the file's bytes before and after
     */
    FileChange write(ConfigFile file, Optional<byte[]> content);

    /** The current bytes of a file; empty if it does not exist. */
    Optional<byte[]> read(ConfigFile file);
}
