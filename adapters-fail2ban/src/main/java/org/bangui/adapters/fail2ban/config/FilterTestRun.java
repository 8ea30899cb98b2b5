package org.bangui.adapters.fail2ban.config;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bangui.domain.config.ConfigCheckPort.FilterTest;
import org.bangui.domain.config.ConfigCheckPort.LineMatch;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The inputs and outputs of one {@code fail2ban-regex} run: checks the lines and a named filter's spec, writes an
 * ad-hoc filter file, and maps the per-match rows of {@code -o} back to the lines.
 */
final class FilterTestRun {

    /** Most lines per test. */
    static final int MAX_LINES = 1000;
    /** Longest line, in UTF-8 bytes. */
    static final int MAX_LINE_BYTES = 8 * 1024;

    /** One row per match: marker, time, failure id, matched line (last, as it may hold tabs). */
    static final String OUTPUT_FORMAT = "@bangui@\t<time>\t<fid>\t<msg>";

    private static final String MARKER = "@bangui@\t";
    // a configured filter with optional parameters; the values are kept plain so the spec never reads as a path
    private static final String PARAM = "[a-z_][a-z0-9_]{0,31}=[A-Za-z0-9_.:@ -]{0,64}";
    private static final Pattern FILTER_SPEC = Pattern.compile(
            "(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?:\\[" + PARAM + "(?:,\\s?" + PARAM + "){0,15}\\])?");

    private FilterTestRun() {
    }

    /** Refuses too many lines, too long lines and lines with a line break or NUL. */
    static void checkLines(List<String> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidInputException("invalid_lines", "give 1 to " + MAX_LINES + " log lines");
        }
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new InvalidInputException("invalid_lines", "a log line holds a line break or NUL");
            }
            if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
                throw new InvalidInputException("invalid_lines", "a log line is longer than 8 KiB");
            }
        }
    }

    /** The filter's name, after checking the whole spec against the allow-list. */
    static ConfigName filterName(String spec) {
        var matcher = FILTER_SPEC.matcher(spec);
        if (!matcher.matches() || spec.contains("..")) {
            throw new InvalidInputException("invalid_filter",
                    "a filter is a name with optional parameters, such as sshd[mode=aggressive]");
        }
        return ConfigName.of(matcher.group("name"));
    }

    /** The text of a filter file holding the ad-hoc regexes ({@code %} escaped, lists as continuation lines). */
    static String adHocFilter(FilterTest test) {
        if (test.failregex().isEmpty()) {
            throw new InvalidInputException("invalid_filter", "give a filter or at least one failregex");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("failregex", escape(String.join("\n", test.failregex())));
        if (!test.ignoreregex().isEmpty()) {
            keys.put("ignoreregex", escape(String.join("\n", test.ignoreregex())));
        }
        test.datepattern().ifPresent(pattern -> keys.put("datepattern", escape(pattern)));
        return LocalFileEditor.edit("", "Definition", keys);
    }

    private static String escape(String value) {
        return value.replace("%", "%%");
    }

    /** Maps the rows of the run's output to the lines, in order; lines without a row did not match. */
    static List<LineMatch> matches(List<String> lines, String output) {
        List<LineMatch> result = new ArrayList<>(lines.size());
        lines.forEach(line -> result.add(new LineMatch(line, false, Optional.empty(), Optional.empty())));
        int cursor = 0;
        for (String row : output.split("\n")) {
            if (!row.startsWith(MARKER)) {
                continue;
            }
            String[] fields = row.substring(MARKER.length()).split("\t", 3);
            if (fields.length < 3) {
                continue;
            }
            int at = find(lines, fields[2], cursor);
            if (at < 0) {
                continue;
            }
            result.set(at, new LineMatch(lines.get(at), true, Optional.of(fields[1]).filter(s -> !s.isEmpty()),
                    time(fields[0])));
            cursor = at + 1;
        }
        return List.copyOf(result);
    }

    /** The first line at or after {@code from} equal to the matched text (rows come in line order). */
    private static int find(List<String> lines, String matched, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(matched) || lines.get(i).stripTrailing().equals(matched.stripTrailing())) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Instant> time(String seconds) {
        try {
            BigDecimal value = new BigDecimal(seconds.strip());
            long whole = value.longValue();
            long nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
