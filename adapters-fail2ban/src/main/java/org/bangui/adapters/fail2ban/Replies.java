package org.bangui.adapters.fail2ban;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.adapters.fail2ban.protocol.ProtocolException;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/** Reads the shapes of fail2ban's reply values; any unexpected shape is a {@link ProtocolException}. */
final class Replies {

    /** {@code 'IP \t2026-11-21 05:22:27 + 600 = 2026-11-21 05:32:27'}, times in fail2ban's local zone. */
    private static final Pattern BAN_WITH_TIME =
            Pattern.compile("(.+) \\t(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d) \\+ (-?\\d+) = .*",
                    Pattern.DOTALL); // a ban id may hold spaces and tabs: it ends at the last " \t<date>"

    private Replies() {
    }

    /** A list of strings, such as {@code get J logpath}; IPAddr values arrive as strings too. */
    static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> items)) {
            throw unexpected("a list", value);
        }
        List<String> result = new ArrayList<>(items.size());
        for (Object item : items) {
            result.add(String.valueOf(item));
        }
        return result;
    }

    static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw unexpected("a number", value);
            }
        }
        throw unexpected("a number", value);
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw unexpected("a boolean", value);
    }

    /** {@code [('label', value), ...]} as an ordered map; nested lists of pairs are converted as well. */
    static Map<String, Object> labelled(Object value) {
        if (!(value instanceof Collection<?> pairs)) {
            throw unexpected("a list of (label, value) pairs", value);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Object pair : pairs) {
            if (!(pair instanceof Object[] tuple) || tuple.length != 2) {
                throw unexpected("a (label, value) pair", pair);
            }
            Object inner = tuple[1];
            boolean nestedPairs = inner instanceof Collection<?> c && !c.isEmpty()
                    && c.iterator().next() instanceof Object[];
            result.put(String.valueOf(tuple[0]), nestedPairs ? labelled(inner) : inner);
        }
        return result;
    }

    /** The jail list of the {@code status} reply, in fail2ban's order. */
    static List<String> jailList(Object status) {
        Object list = labelled(status).get("Jail list");
        if (!(list instanceof String text)) {
            throw unexpected("a jail list", list);
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    /** The counters of a {@code status J short} reply. */
    static JailCounters counters(Object status) {
        Map<String, Object> sections = labelled(status);
        Map<String, Object> filter = section(sections, "Filter");
        Map<String, Object> actions = section(sections, "Actions");
        return new JailCounters(number(filter.get("Currently failed")), number(filter.get("Total failed")),
                number(actions.get("Currently banned")), number(actions.get("Total banned")));
    }

    /** The banned ids of a full {@code status J} reply ({@code Banned IP list} of its actions). */
    static List<String> bannedList(Object status) {
        Map<String, Object> actions = section(labelled(status), "Actions");
        Object list = actions.get("Banned IP list");
        if (list == null) {
            throw unexpected("a 'Banned IP list'", null);
        }
        return strings(list);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> sections, String name) {
        Object section = sections.get(name);
        if (!(section instanceof Map<?, ?>)) {
            throw unexpected("a '" + name + "' section", section);
        }
        return (Map<String, Object>) section;
    }

    /**
     * One line of {@code get J banip --with-time}: an address or a network ({@code 198.18.0.0/24}). Empty when
     * the banned id is neither (fail2ban can ban arbitrary ids), so that one odd entry does not hide the others.
     */
    static Optional<Ban> banWithTime(JailName jail, String line, ZoneId zone) {
        Matcher m = BAN_WITH_TIME.matcher(line);
        if (!m.matches()) {
            throw unexpected("'IP \\tstart + seconds = end'", line);
        }
        IpNetwork target;
        try {
            target = IpNetwork.parse(m.group(1)).normalized();
        } catch (InvalidInputException notAnAddress) {
            return Optional.empty();
        }
        try {
            LocalDateTime start = LocalDateTime.parse(m.group(2) + "T" + m.group(3));
            BanDuration duration = BanDuration.ofFail2banSeconds(Long.parseLong(m.group(4)));
            return Optional.of(new Ban(jail, target, start.atZone(zone).toInstant(), duration));
        } catch (DateTimeParseException | NumberFormatException | InvalidInputException e) {
            throw unexpected("a valid ban time", line);
        }
    }

    private static ProtocolException unexpected(String expected, Object actual) {
        String shown = String.valueOf(actual);
        if (shown.length() > 120) {
            shown = shown.substring(0, 120) + "...";
        }
        return new ProtocolException("expected " + expected + " in fail2ban's reply, got: " + shown);
    }
}
