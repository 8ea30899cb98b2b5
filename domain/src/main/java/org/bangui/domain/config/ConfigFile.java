package org.bangui.domain.config;

import java.util.regex.Pattern;
import org.bangui.domain.shared.InvalidInputException;

/**
 * A file of fail2ban's configuration, as a path relative to the config dir with {@code /} separators, such as
 * {@code jail.conf}, {@code jail.d/sshd.local} or {@code filter.d/sshd.conf}. At most one directory level; every
 * segment allow-listed (no {@code ..}, no leading dot). Adapters still resolve it against the real directory
 * (symlinks followed) before they touch it.
 */
public record ConfigFile(String path) implements Comparable<ConfigFile> {

    private static final Pattern ALLOWED =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,80}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,80}");

    /** @throws InvalidInputException if the path is outside the allow-list */
    public ConfigFile {
        if (path == null || !ALLOWED.matcher(path).matches() || path.contains("..")) {
            throw new InvalidInputException("invalid_file", "not a configuration file name");
        }
    }

    /** Named factory; see the class contract. */
    public static ConfigFile of(String path) {
        return new ConfigFile(path);
    }

    /** True for the {@code .local} files BanGUI may write; shipped {@code .conf} files are never written. */
    public boolean isLocal() {
        return path.endsWith(".local");
    }

    @Override
    public int compareTo(ConfigFile other) {
        return path.compareTo(other.path);
    }

    @Override
    public String toString() {
        return path;
    }
}
