package org.bangui.application.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.server.ServerSettingsPort;
import org.bangui.domain.shared.InvalidInputException;

/**
 * fail2ban's server settings: {@code loglevel} and {@code dbpurgeage} ({@code fail2ban.local}, applied at runtime
 * too) and the {@code bantime.*} increment defaults ({@code [DEFAULT]} of {@code jail.local}, applied by the next
 * reload). {@code dbpurgeage} under one hour is refused; one shorter than two history-sync intervals is kept but
 * warned about, because bans fail2ban purges before BanGUI copies them are lost to the history.
 */
public final class ServerSettingsService {

    /** The log levels fail2ban knows. */
    static final Set<String> LEVELS = Set.of("CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG",
            "TRACEDEBUG", "HEAVYDEBUG");
    /** The increment defaults BanGUI edits; the formula keys are code and are never edited. */
    static final List<String> INCREMENT_KEYS = List.of("bantime.increment", "bantime.factor", "bantime.maxtime",
            "bantime.rndtime", "bantime.multipliers", "bantime.overalljails");
    private static final Duration MIN_PURGE_AGE = Duration.ofHours(1);
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,9})\\s?([smhdw]?)");

    private final ConfigService config;
    private final ServerSettingsPort server;
    private final RecordAuditUseCase audit;
    private final Duration historySyncInterval;

    public ServerSettingsService(ConfigService config, ServerSettingsPort server, RecordAuditUseCase audit,
                                 Duration historySyncInterval) {
        this.config = Objects.requireNonNull(config, "config");
        this.server = Objects.requireNonNull(server, "server");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.historySyncInterval = Objects.requireNonNull(historySyncInterval, "historySyncInterval");
    }

    /**
     * The settings as the files give them, and the runtime log level.
     *
     * @param values key to raw value, for the keys BanGUI edits that are set anywhere
     * @param runtimeLogLevel fail2ban's log level now
     * @param warnings what deserves attention ({@code dbpurgeage} shorter than two history syncs)
     */
    public record ServerSettings(Map<String, String> values, String runtimeLogLevel, List<String> warnings) {
    }

    /** The current settings. */
    public ServerSettings settings() {
        ConfigSnapshot snapshot = config.snapshot();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : List.of("loglevel", "dbpurgeage")) {
            ConfigValue value = snapshot.server().get(key);
            if (value != null) {
                values.put(key, value.value());
            }
        }
        for (String key : INCREMENT_KEYS) {
            ConfigValue value = snapshot.jailDefaults().get(key);
            if (value != null) {
                values.put(key, value.value());
            }
        }
        List<String> warnings = new ArrayList<>();
        String purge = values.get("dbpurgeage");
        if (purge != null) {
            parseSeconds(purge).ifPresent(seconds -> warn(seconds, warnings));
        }
        return new ServerSettings(values, server.logLevel(), warnings);
    }

    /** Writes the given settings, applies {@code loglevel} and {@code dbpurgeage} at runtime, returns the result. */
    public ServerSettings update(Actor actor, Map<String, String> values) {
        Map<String, String> server = new LinkedHashMap<>();
        Map<String, String> jailDefaults = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value == null) {
                throw new InvalidInputException("invalid_value", "'" + key + "' needs a value");
            }
            switch (key) {
                case "loglevel" -> server.put(key, level(value));
                case "dbpurgeage" -> server.put(key, Long.toString(purgeAge(value)));
                default -> {
                    if (!INCREMENT_KEYS.contains(key)) {
                        throw new InvalidInputException("invalid_key", "settable: loglevel, dbpurgeage, "
                                + String.join(", ", INCREMENT_KEYS));
                    }
                    jailDefaults.put(key, value);
                }
            }
        });
        if (values.isEmpty()) {
            throw new InvalidInputException("invalid_values", "give at least one setting");
        }
        audit.recordOutcome(actor, AuditAction.SERVER_SETTINGS, String.join(",", values.keySet()), () -> {
            config.lock().lock();
            try {
                apply(actor, server, jailDefaults);
            } finally {
                config.lock().unlock();
            }
            return null;
        });
        return settings();
    }

    /** Runtime first, then the files as one change; a failing write takes the runtime values back. */
    private void apply(Actor actor, Map<String, String> serverValues, Map<String, String> jailDefaults) {
        // only what changes is read back for the undo: without a database fail2ban has no purge age to read
        String oldLevel = serverValues.containsKey("loglevel") ? server.logLevel() : null;
        Long oldPurgeAge = serverValues.containsKey("dbpurgeage") ? server.dbPurgeAge() : null;
        try {
            if (serverValues.containsKey("loglevel")) {
                server.setLogLevel(serverValues.get("loglevel"));
            }
            if (serverValues.containsKey("dbpurgeage")) {
                server.setDbPurgeAge(Long.parseLong(serverValues.get("dbpurgeage")));
            }
            List<ConfigService.SectionUpdate> updates = new ArrayList<>();
            if (!serverValues.isEmpty()) {
                updates.add(new ConfigService.SectionUpdate(ConfigFile.of("fail2ban.local"), "Definition",
                        serverValues, ConfigSnapshot::server));
            }
            if (!jailDefaults.isEmpty()) {
                updates.add(new ConfigService.SectionUpdate(ConfigFile.of("jail.local"), "DEFAULT", jailDefaults,
                        ConfigSnapshot::jailDefaults));
            }
            config.updateSections(actor, "server settings", updates);
        } catch (RuntimeException e) {
            try {
                if (oldLevel != null) {
                    server.setLogLevel(oldLevel);
                }
                if (oldPurgeAge != null) {
                    server.setDbPurgeAge(oldPurgeAge);
                }
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    private static String level(String raw) {
        String level = raw.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new InvalidInputException("invalid_loglevel", "loglevel is one of " + String.join(", ",
                    LEVELS.stream().sorted().toList()));
        }
        return level;
    }

    private static long purgeAge(String raw) {
        long seconds = parseSeconds(raw.strip()).orElseThrow(() -> new InvalidInputException(
                "invalid_dbpurgeage", "dbpurgeage is a number of seconds or a number with s, m, h, d or w"));
        if (seconds < MIN_PURGE_AGE.toSeconds()) {
            throw new InvalidInputException("dbpurgeage_too_short", "dbpurgeage must be at least 1 hour: fail2ban "
                    + "deletes its ban records after it, before BanGUI's history has copied them");
        }
        return seconds;
    }

    private void warn(long seconds, List<String> warnings) {
        if (seconds < 2 * historySyncInterval.toSeconds()) {
            warnings.add("dbpurgeage is shorter than two history-sync intervals (" + historySyncInterval.toSeconds()
                    + " s each): bans fail2ban purges before a sync are missing from the history");
        }
    }

    private static Optional<Long> parseSeconds(String text) {
        Matcher m = SECONDS.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            case "w" -> 7 * 86400;
            default -> 1;
        };
        return Optional.of(n * unit);
    }
}
