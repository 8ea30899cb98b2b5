package org.bangui.application.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.InvalidInputException;

/**
 * A jail to create. Without a filter and a log path it is a blocklist-only jail: it watches {@code /dev/null}
 * with no filter, and only bans that BanGUI (or an operator) sends reach it.
 *
 * @param name the jail
 * @param filter the filter, with parameters ({@code sshd[mode=aggressive]}); empty for no filter
 * @param logpath absolute log file paths or globs; empty for a blocklist-only jail
 * @param values further keys ({@code maxretry}, {@code bantime}, ...)
 * @param enabled whether it is enabled
 */
public record NewJail(ConfigName name, Optional<String> filter, List<String> logpath, Map<String, String> values,
                      boolean enabled) {

    /** Where a blocklist-only jail "reads": a file that exists everywhere and never has a line. */
    static final String NO_LOG = "/dev/null";

    public NewJail {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        logpath = List.copyOf(logpath);
        if (values.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new InvalidInputException("invalid_values", "a new jail's values are all set (no null)");
        }
        values = Map.copyOf(values);
        for (String path : logpath) {
            if (!path.startsWith("/") || path.length() > 1024 || path.contains("\n")) {
                throw new InvalidInputException("invalid_logpath", "log paths are absolute paths, one per entry");
            }
        }
        if (filter.isEmpty() != logpath.isEmpty()) {
            throw new InvalidInputException("invalid_jail",
                    "give both a filter and log paths, or neither (a blocklist-only jail)");
        }
    }
}
