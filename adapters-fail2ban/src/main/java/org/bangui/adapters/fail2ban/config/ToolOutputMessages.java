package org.bangui.adapters.fail2ban.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns fail2ban's output into a message for callers: log prefixes (time, logger, pid, level) taken off, lines
 * below ERROR and the client's {@code OK} dropped, the config dir shown relative, and no other local path left.
 */
final class ToolOutputMessages {

    private static final Pattern LOG_PREFIX = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:,\\d+)?\\s+\\S+\\s*\\[\\d+\\]:\\s*(?<level>[A-Z]+)\\s+");
    private static final Pattern LEVEL_PREFIX = Pattern.compile("^(?:ERROR|WARNING|CRITICAL)\\s*:?\\s+");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.%<>\\]-])/(?:[\\w.+@*?-]+/)*[\\w.+@*?-]+");
    private static final int MAX_CHARS = 2000;

    private final List<String> dirs;

    /** @param configDir the config dir, whose absolute and real paths become relative in messages */
    ToolOutputMessages(Path configDir) {
        List<String> names = new ArrayList<>();
        names.add(configDir.toAbsolutePath().normalize().toString());
        try {
            names.add(configDir.toRealPath().toString());
        } catch (java.io.IOException absent) {
            // a missing dir has no real path; its given path is enough
        }
        names.sort((a, b) -> b.length() - a.length());
        this.dirs = List.copyOf(names);
    }

    /** The error lines of {@code output}, cleaned; {@code fallback} when none is left. */
    String errors(String output, String fallback) {
        StringBuilder message = new StringBuilder();
        for (String raw : output.split("\\R")) {
            String line = raw;
            var prefix = LOG_PREFIX.matcher(line);
            if (prefix.find()) {
                String level = prefix.group("level");
                if (!level.equals("ERROR") && !level.equals("CRITICAL")) {
                    continue;
                }
                line = line.substring(prefix.end());
            }
            line = LEVEL_PREFIX.matcher(line).replaceFirst("").strip();
            if (line.isEmpty() || line.equals("OK") || line.startsWith("OK:")
                    || line.endsWith("test configuration failed")) {
                continue;
            }
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(line);
        }
        String cleaned = withoutPaths(message.toString());
        if (cleaned.isBlank()) {
            return fallback;
        }
        return cleaned.length() > MAX_CHARS ? cleaned.substring(0, MAX_CHARS) + "..." : cleaned;
    }

    /** {@code text} with the config dir shown relative and any other absolute path replaced by {@code <path>}. */
    String withoutPaths(String text) {
        String result = text;
        for (String dir : dirs) {
            result = result.replace(dir + "/", "").replace(dir, ".");
        }
        return ABSOLUTE_PATH.matcher(result).replaceAll("<path>");
    }
}
