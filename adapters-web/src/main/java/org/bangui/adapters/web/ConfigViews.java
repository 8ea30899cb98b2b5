package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;
import org.bangui.domain.shared.InvalidInputException;

/** The JSON shapes of the configuration routes, and the reading of {@code values} bodies. */
final class ConfigViews {

    private ConfigViews() {
    }

    /** A jail in the list. */
    @Serdeable
    record JailItem(String name, boolean enabled, String filter, String file) {
        static JailItem of(JailSummary s) {
            return new JailItem(s.name().value(), s.enabled(), s.filter(), s.file().path());
        }
    }

    /** {@code {"jails": [...]}}. */
    @Serdeable
    record JailList(List<JailItem> jails) {
    }

    /** One key's winning definition. */
    @Serdeable
    record ValueView(String value, String file, String section, int line) {
        static Map<String, ValueView> of(Map<String, ConfigValue> values) {
            Map<String, ValueView> views = new TreeMap<>();
            values.forEach((key, v) -> views.put(key, new ValueView(v.value(), v.file().path(), v.section(),
                    v.line())));
            return views;
        }
    }

    /** What fail2ban would run for a jail. */
    @Serdeable
    record EffectiveView(String backend, String filter, List<String> logpath, int maxretry, String findtime,
                         String bantime, List<String> actions, List<String> failregex, List<String> ignoreregex,
                         List<String> ignoreip, @Nullable String prefregex) {
        static EffectiveView of(EffectiveJail e) {
            return new EffectiveView(e.backend(), e.filter(), e.logpath(), e.maxretry(), e.findtime(), e.bantime(),
                    e.actions(), e.failregex(), e.ignoreregex(), e.ignoreip(), e.prefregex().orElse(null));
        }
    }

    /**
     * One jail: {@code effective} is null when fail2ban could not run it, and {@code problem} says why.
     */
    @Serdeable
    record JailView(String name, boolean enabled, String file, Map<String, ValueView> values,
                    @Nullable EffectiveView effective, @Nullable String problem) {
        static JailView of(JailConfig jail) {
            return new JailView(jail.name().value(), jail.enabled(), jail.file().path(), ValueView.of(jail.values()),
                    jail.effective().map(EffectiveView::of).orElse(null), jail.problem().orElse(null));
        }
    }

    /** A filter or an action. */
    @Serdeable
    record DefinitionView(String name, List<String> files, Map<String, ValueView> values,
                          Map<String, Object> effective) {
        static DefinitionView of(DefinitionConfig d) {
            Map<String, Object> effective = new TreeMap<>(d.effective());
            effective.putAll(d.regexes());
            return new DefinitionView(d.name().value(), d.files().stream().map(f -> f.path()).toList(),
                    ValueView.of(d.values()), effective);
        }
    }

    /** {@code {"filters": [...]}} or {@code {"actions": [...]}}. */
    @Serdeable
    record NameList(List<String> names) {
    }

    /** A kept version of a file. */
    @Serdeable
    record ChangeView(long id, String file, Instant at, String actor, String summary, boolean created,
                      boolean deleted, String diff) {
        static ChangeView of(ConfigChange c, String diff) {
            return new ChangeView(c.id(), c.change().file().path(), c.at(), c.actor(), c.summary(),
                    c.change().before().isEmpty(), c.change().after().isEmpty(), diff);
        }
    }

    /** {@code {"changes": [...]}}. */
    @Serdeable
    record ChangeList(List<ChangeView> changes) {
    }

    /** {@code {"values": {key: value}}}: a value is a string, a number, a boolean, a list of strings or null. */
    @Serdeable
    record ValuesRequest(@Nullable Map<String, Object> values) {
        Map<String, String> texts() {
            if (values == null) {
                throw new InvalidInputException("invalid_values", "give {\"values\": {key: value}}");
            }
            return ConfigViews.texts(values);
        }
    }

    /** The text of each value; lists become one entry per line; null stays null (remove). */
    static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((key, value) -> texts.put(key, text(key, value)));
        return texts;
    }

    static String text(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString(); // exact: a number too large for a setting is refused by its format check
        }
        if (value instanceof List<?> list) {
            List<String> lines = new ArrayList<>();
            for (Object line : list) {
                if (!(line instanceof String s) || s.indexOf('\n') >= 0) {
                    throw new InvalidInputException("invalid_value", "'" + key
                            + "' is a list of strings, one line each");
                }
                lines.add(s);
            }
            return String.join("\n", lines);
        }
        throw new InvalidInputException("invalid_value", "'" + key
                + "' is a string, an integer (no fraction), a boolean, a list of strings or null");
    }

    /** A list body field that may be given as one string with a line per entry, or as a list. */
    static List<String> lines(String key, @Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        String text = text(key, value);
        return text == null || text.isBlank() ? List.of()
                : List.of(text.split("\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
