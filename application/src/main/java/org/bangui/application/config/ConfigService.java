package org.bangui.application.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigChangePort;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigFilesPort;
import org.bangui.domain.config.ConfigInvalidException;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigReadPort;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.FileChange;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.ShadowedException;
import org.bangui.domain.config.UnknownConfigException;
import org.bangui.domain.shared.DomainException;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Edits fail2ban's configuration without breaking it. Every change runs the same steps, one change at a time:
 * plan the writes on a fresh read (only {@code .local} files, only the changed keys), write them, read again and
 * refuse a value another file still shadows, run fail2ban's test and compile the affected regexes; any failure
 * restores the previous bytes of every written file. A change that passes is kept as a version, audited with its
 * diff, and remembered until the next good reload so that a reload that leaves a jail down can restore it.
 */
public final class ConfigService {

    private static final System.Logger LOG = System.getLogger(ConfigService.class.getName());

    /** The first line of files BanGUI creates; only such jails may be deleted through BanGUI. */
    static final String CREATED_MARK = "# Created by BanGUI";
    /** Section names with a meaning of their own in fail2ban's files. */
    private static final List<String> RESERVED_SECTIONS = List.of("DEFAULT", "INCLUDES", "Definition", "Init",
            "KNOWN");

    private final ConfigReadPort reader;
    private final ConfigFilesPort files;
    private final ConfigCheckPort check;
    private final ConfigChangePort changes;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Files changed since the last reload that kept every enabled jail up, with their bytes before. */
    private final Map<ConfigFile, Optional<byte[]>> sinceGoodReload = new LinkedHashMap<>();

    public ConfigService(ConfigReadPort reader, ConfigFilesPort files, ConfigCheckPort check,
                         ConfigChangePort changes, RecordAuditUseCase audit, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.files = Objects.requireNonNull(files, "files");
        this.check = Objects.requireNonNull(check, "check");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The configuration as fail2ban would read it now. */
    public ConfigSnapshot snapshot() {
        return reader.read();
    }

    /** One jail; 404 when no section defines it. */
    public JailConfig jail(ConfigName name) {
        return jail(snapshot(), name);
    }

    /** One filter or action; 404 when no file defines it. */
    public DefinitionConfig definition(ConfigKind kind, ConfigName name) {
        return definition(snapshot(), kind, name);
    }

    /** The kept versions, newest first. */
    public List<ConfigChange> changes(int limit) {
        return changes.list(limit);
    }

    /** Runs log lines through a filter; not serialised with changes (it writes nothing). */
    public List<ConfigCheckPort.LineMatch> testFilter(ConfigCheckPort.FilterTest test) {
        return check.testFilter(test);
    }

    /** A kept change as a unified diff. */
    public String diff(ConfigChange change) {
        return UnifiedDiff.of(change.change().file().path(), change.change().before(), change.change().after());
    }

    /** Sets keys of a jail (a {@code null} value removes BanGUI's override) and returns the jail after. */
    public JailConfig updateJail(Actor actor, ConfigName name, Map<String, String> values) {
        change(actor, AuditAction.CONFIG_UPDATE, "jail " + name, before -> {
            JailConfig jail = jail(before, name);
            Map<String, String> checked = checked(ConfigKind.JAIL, values, known(jail.values(), Map.of()));
            return new Plan(jailEdits(name, jail.values(), checked), after -> {
                JailConfig edited = jail(after, name);
                verify(checked, edited.values());
                if (jail.effective().isPresent() && edited.effective().isEmpty()) {
                    // BanGUI reads only inside the config dir: a filter or action it cannot read after the edit
                    // is missing, or lies elsewhere (reached through a reference); fail2ban's test may pass it
                    throw new ConfigInvalidException(edited.problem().orElse("the jail cannot be built any more"));
                }
                return Regexes.ofJail(after, name);
            });
        });
        return jail(name);
    }

    /**
     * Keys of a section that is not a jail's: {@code [Definition]} of {@code fail2ban.conf}, {@code [DEFAULT]} of
     * the jail family. Written to the {@code .local} whose section already wins for the key, else to
     * {@code fallback}; {@code view} reads the section back for the shadow check.
     */
    record SectionUpdate(ConfigFile fallback, String section, Map<String, String> values,
                         Function<ConfigSnapshot, Map<String, ConfigValue>> view) {
    }

    /** Sets keys of several such sections as one change: all are written, or none. */
    void updateSections(Actor actor, String target, List<SectionUpdate> updates) {
        change(actor, AuditAction.CONFIG_UPDATE, target, before -> {
            List<Write> writes = new ArrayList<>();
            List<Map<String, String>> asked = new ArrayList<>();
            for (SectionUpdate update : updates) {
                Map<String, ConfigValue> current = update.view().apply(before);
                Map<String, String> checked = checked(ConfigKind.JAIL, update.values(), known(current, Map.of()));
                asked.add(checked);
                Map<ConfigFile, Map<String, String>> byFile = new LinkedHashMap<>();
                checked.forEach((key, value) -> {
                    ConfigValue winning = current.get(key);
                    ConfigFile file = winning != null && winning.file().isLocal()
                            && winning.section().equals(update.section()) ? winning.file() : update.fallback();
                    byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(key, value);
                });
                byFile.forEach((file, keys) -> writes.add(Write.edit(new ConfigEdit(file, update.section(), keys))));
            }
            return new Plan(writes, after -> {
                for (int i = 0; i < updates.size(); i++) {
                    verify(asked.get(i), updates.get(i).view().apply(after));
                }
                return Regexes.NONE;
            });
        });
    }

    /** Creates a jail in {@code jail.d/<name>.local}, marked as BanGUI's. */
    public JailConfig createJail(Actor actor, NewJail jail) {
        change(actor, AuditAction.CONFIG_CREATE, "jail " + jail.name(), before -> {
            if (before.jail(jail.name()).isPresent()) {
                throw new ConfigExistsException(ConfigKind.JAIL, jail.name());
            }
            if (RESERVED_SECTIONS.stream().anyMatch(r -> r.equalsIgnoreCase(jail.name().value()))) {
                throw new InvalidInputException("reserved_name", "'" + jail.name().value()
                        + "' is a section name of fail2ban's own, not a jail name");
            }
            jail.filter().ifPresent(filter -> requireFilter(before, filter));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("enabled", Boolean.toString(jail.enabled()));
            values.put("filter", jail.filter().orElse(""));
            values.put("logpath", jail.logpath().isEmpty() ? NewJail.NO_LOG : String.join("\n", jail.logpath()));
            if (jail.logpath().isEmpty()) {
                values.put("backend", "polling");
            }
            Map<String, String> extra = jail.values().isEmpty() ? Map.of()
                    : checked(ConfigKind.JAIL, jail.values(), known(before.jailDefaults(), values));
            extra.forEach((key, value) -> {
                if (value != null) {
                    values.putIfAbsent(key, value);
                }
            });
            values.replaceAll((key, value) -> ConfigValues.value(key, value, k -> true));
            ConfigFile file = ConfigKind.JAIL.ownFile(jail.name());
            return new Plan(List.of(Write.create(file, files, LocalText.file(jail.name().value(), values))),
                    after -> {
                        verify(values, jail(after, jail.name()).values());
                        return Regexes.ofJail(after, jail.name());
                    });
        });
        return jail(jail.name());
    }

    /** Deletes a jail BanGUI created: its file goes; other jails are never deleted through BanGUI. */
    public void deleteJail(Actor actor, ConfigName name) {
        change(actor, AuditAction.CONFIG_DELETE, "jail " + name, before -> {
            JailConfig jail = jail(before, name);
            ConfigFile own = ConfigKind.JAIL.ownFile(name);
            boolean ours = jail.file().equals(own) && files.read(own).map(bytes ->
                    new String(bytes, StandardCharsets.UTF_8).startsWith(CREATED_MARK)).orElse(false)
                    && jail.values().values().stream().filter(v -> v.section().equals(name.value()))
                    .allMatch(v -> v.file().equals(own));
            if (!ours) {
                throw new NotCreatedByBanGuiException(name);
            }
            boolean shared = before.jailDefaults().values().stream().anyMatch(v -> v.file().equals(own))
                    || before.jails().stream().filter(j -> !j.name().equals(name))
                    .flatMap(j -> before.jail(j.name()).stream())
                    .anyMatch(j -> j.values().values().stream().anyMatch(v -> v.file().equals(own)
                            && !v.section().equals("DEFAULT")));
            if (shared) {
                throw new FileExistsException(own); // other sections were added to it by hand: not BanGUI's alone
            }
            return new Plan(List.of(Write.replace(own, Optional.empty())), after -> Regexes.NONE);
        });
    }

    /** Sets keys of a filter or an action ({@code init/<key>} for its {@code [Init]} parameters). */
    public DefinitionConfig updateDefinition(Actor actor, ConfigKind kind, ConfigName name,
                                             Map<String, String> values) {
        change(actor, AuditAction.CONFIG_UPDATE, kind.code() + " " + name, before -> {
            DefinitionConfig definition = definition(before, kind, name);
            Map<String, String> checked = checked(kind, values, known(definition.values(), Map.of()));
            Map<ConfigFile, Map<String, Map<String, String>>> targets = new LinkedHashMap<>();
            checked.forEach((key, value) -> {
                boolean init = key.startsWith("init/");
                String section = init ? "Init" : "Definition";
                ConfigValue current = definition.values().get(key);
                ConfigFile file = current != null && current.file().isLocal() && current.section().equals(section)
                        ? current.file() : kind.ownFile(name);
                targets.computeIfAbsent(file, f -> new LinkedHashMap<>())
                        .computeIfAbsent(section, s -> new LinkedHashMap<>())
                        .put(init ? key.substring("init/".length()) : key, value);
            });
            List<Write> writes = new ArrayList<>();
            targets.forEach((file, sections) -> sections.forEach((section, keys) ->
                    writes.add(Write.edit(new ConfigEdit(file, section, keys)))));
            return new Plan(writes, after -> {
                verify(checked, definition(after, kind, name).values());
                return kind == ConfigKind.FILTER ? Regexes.ofFilter(after, name) : Regexes.NONE;
            });
        });
        return definition(kind, name);
    }

    /** Creates a filter or an action in {@code <kind>.d/<name>.local}, marked as BanGUI's. */
    public DefinitionConfig createDefinition(Actor actor, ConfigKind kind, ConfigName name,
                                             Map<String, String> values) {
        change(actor, AuditAction.CONFIG_CREATE, kind.code() + " " + name, before -> {
            boolean exists = kind == ConfigKind.FILTER ? before.filter(name).isPresent()
                    : before.action(name).isPresent();
            if (exists) {
                throw new ConfigExistsException(kind, name);
            }
            Map<String, String> checked = checked(kind, values, known(Map.of(), values));
            checked.values().removeIf(Objects::isNull);
            if (kind == ConfigKind.FILTER && checked.getOrDefault("failregex", "").isEmpty()) {
                throw new InvalidInputException("invalid_filter", "a filter needs at least one failregex");
            }
            if (checked.keySet().stream().anyMatch(k -> k.startsWith("init/"))) {
                throw new InvalidInputException("invalid_key", "set [Init] parameters after creating it");
            }
            return new Plan(List.of(Write.create(kind.ownFile(name), files, LocalText.file("Definition", checked))),
                    after -> kind == ConfigKind.FILTER ? Regexes.ofFilter(after, name) : Regexes.NONE);
        });
        return definition(kind, name);
    }

    /** Writes a kept version's "before" back, through the same checks, as a new change. */
    public ConfigChange revert(Actor actor, long id) {
        ConfigChange target = changes.find(id).orElseThrow(() -> new UnknownChangeException(id));
        List<ConfigChange> recorded = change(actor, AuditAction.CONFIG_REVERT, "change " + id, before -> {
            Optional<byte[]> now = files.read(target.change().file());
            if (!Arrays.equals(now.orElse(null), target.change().after().orElse(null))) {
                // changed since (by hand, or by a later change): writing the old bytes would lose that silently
                throw new ChangedSinceException(target.change().file());
            }
            return new Plan(List.of(Write.replace(target.change().file(), target.change().before())),
                    Regexes::ofEnabledJails);
        });
        return recorded.isEmpty() ? target : recorded.get(0);
    }

    /**
     * Files changed since the last good reload, with their bytes before; the reload takes them back when it
     * fails. Call with the lock held.
     */
    Map<ConfigFile, Optional<byte[]>> sinceGoodReload() {
        return sinceGoodReload;
    }

    ReentrantLock lock() {
        return lock;
    }

    ConfigCheckPort check() {
        return check;
    }

    /**
     * Writes back every file changed since the last good reload, each on its own, and records that as changes.
     * Call with the lock held.
     *
     * @return the files restored, and those that could not be (they stay remembered)
     */
    Restored restoreLastGood(Actor actor) {
        List<ConfigFile> restored = new ArrayList<>();
        List<ConfigFile> failed = new ArrayList<>();
        List<FileChange> written = new ArrayList<>();
        for (Map.Entry<ConfigFile, Optional<byte[]>> entry : new ArrayList<>(sinceGoodReload.entrySet())) {
            try {
                written.add(files.write(entry.getKey(), entry.getValue()));
                sinceGoodReload.remove(entry.getKey());
                restored.add(entry.getKey());
            } catch (RuntimeException e) {
                failed.add(entry.getKey());
                LOG.log(System.Logger.Level.ERROR, "config_restore_failed file=" + entry.getKey().path()
                        + " reason=" + (e instanceof DomainException d ? d.code() : "io_failure"));
            }
        }
        List<FileChange> changed = written.stream()
                .filter(c -> !Arrays.equals(c.before().orElse(null), c.after().orElse(null))).toList();
        keep(actor, AuditAction.CONFIG_REVERT, "restored after a failed reload", changed);
        changed.forEach(c -> sinceGoodReload.remove(c.file())); // the restored bytes are the good ones
        return new Restored(restored, failed);
    }

    /** What {@link #restoreLastGood} restored and what it could not. */
    record Restored(List<ConfigFile> files, List<ConfigFile> failed) {
    }

    private List<ConfigChange> change(Actor actor, AuditAction action, String target,
                                      Function<ConfigSnapshot, Plan> planner) {
        lock.lock();
        try {
            List<FileChange> done;
            try {
                done = applyChecked(planner);
            } catch (DomainException failure) {
                audit.record(actor, action, target, failure.code());
                throw failure;
            }
            return keep(actor, action, target, done);
        } finally {
            lock.unlock();
        }
    }

    /** Plans, writes and checks; on any failure every written file gets its bytes back. */
    private List<FileChange> applyChecked(Function<ConfigSnapshot, Plan> planner) {
        Plan plan = planner.apply(reader.read());
        List<FileChange> done = new ArrayList<>();
        try {
            for (Write write : plan.writes()) {
                done.add(write.apply(files));
            }
            ConfigSnapshot after = reader.read();
            Regexes regexes = plan.verify().apply(after);
            outsideReferences(after);
            check.test();
            regexes.compile(check);
        } catch (RuntimeException | Error e) {
            restore(done, e);
            throw e;
        }
        return done.stream().filter(c -> !Arrays.equals(c.before().orElse(null), c.after().orElse(null))).toList();
    }

    /**
     * Remembers, versions and audits changes that are on disk. The files are written whatever happens here: a
     * version that cannot be stored is logged, never thrown (the caller would take the change for undone).
     */
    private List<ConfigChange> keep(Actor actor, AuditAction action, String target, List<FileChange> done) {
        for (FileChange change : done) {
            sinceGoodReload.putIfAbsent(change.file(), change.before());
        }
        List<ConfigChange> kept = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (FileChange change : done) {
            try {
                kept.add(changes.record(change, clock.instant(), actor.principal(), target));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "config_change_not_recorded file=" + change.file().path()
                        + " reason=" + (e instanceof DomainException d ? d.code() : "store_failure"));
            }
            detail.append(UnifiedDiff.of(change.file().path(), change.before(), change.after()));
        }
        if (done.isEmpty()) {
            audit.record(actor, action, target, "");
        } else {
            audit.recordChange(actor, action, target + " (" + String.join(", ", done.stream()
                    .map(c -> c.file().path()).toList()) + ")", detail.toString());
        }
        return kept;
    }

    /**
     * Writes every touched file's previous bytes back, each on its own: a file that cannot be restored is kept
     * for the reload's recovery and reported with the original failure, and the others are still restored.
     */
    private void restore(List<FileChange> done, Throwable cause) {
        for (int i = done.size() - 1; i >= 0; i--) {
            FileChange change = done.get(i);
            try {
                files.write(change.file(), change.before());
            } catch (RuntimeException e) {
                sinceGoodReload.putIfAbsent(change.file(), change.before());
                cause.addSuppressed(e);
                LOG.log(System.Logger.Level.ERROR, "config_restore_failed file=" + change.file().path()
                        + " reason=" + (e instanceof DomainException d ? d.code() : "io_failure"));
            }
        }
    }

    /** No jail may name a filter by a path: fail2ban would load it from outside {@code filter.d}. */
    private static void outsideReferences(ConfigSnapshot after) {
        for (var jail : after.jails()) {
            String base = Regexes.baseName(jail.filter());
            if (base.contains("/") || base.contains("..")) {
                throw new ConfigInvalidException("jail '" + jail.name().value()
                        + "' names its filter by a path; filters are names in filter.d");
            }
        }
    }

    private static List<Write> jailEdits(ConfigName name, Map<String, ConfigValue> current,
                                         Map<String, String> values) {
        Map<ConfigFile, Map<String, String>> byFile = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            ConfigValue winning = current.get(key);
            // the jail's own section in the .local that already wins; else the jail's own drop-in file. A key
            // inherited from [DEFAULT] is overridden in the jail's section: other jails keep theirs.
            ConfigFile file = winning != null && winning.file().isLocal() && winning.section().equals(name.value())
                    ? winning.file() : ConfigKind.JAIL.ownFile(name);
            byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(key, value);
        });
        List<Write> writes = new ArrayList<>();
        byFile.forEach((file, keys) -> writes.add(Write.edit(new ConfigEdit(file, name.value(), keys))));
        return writes;
    }

    /** After the write every set key must read back as asked from the section that was written. */
    private static void verify(Map<String, String> asked, Map<String, ConfigValue> after) {
        asked.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            ConfigValue read = after.get(key);
            if (read == null || !read.value().equals(value)) {
                throw read == null ? new ConfigReadBackException(key) : new ShadowedException(key, read.file());
            }
        });
    }

    private static Map<String, String> checked(ConfigKind kind, Map<String, String> values,
                                               Predicate<String> known) {
        if (values.isEmpty() || values.size() > ConfigValues.MAX_KEYS) {
            throw new InvalidInputException("invalid_values", "give 1 to " + ConfigValues.MAX_KEYS + " keys");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        values.forEach((rawKey, value) -> {
            String key = ConfigValues.key(kind, rawKey);
            checked.put(key, value == null ? null : ConfigValues.value(key, value, known));
        });
        return checked;
    }

    /** A reference may name a key the section sees, one being written, or fail2ban's own names. */
    private static Predicate<String> known(Map<String, ConfigValue> visible, Map<String, String> written) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : visible.keySet()) {
            names.add(key.startsWith("init/") ? key.substring("init/".length()) : key);
        }
        names.addAll(written.keySet());
        return name -> name.equals("__name__") || names.contains(name)
                || name.startsWith("known/") && names.contains(name.substring("known/".length()));
    }

    private static void requireFilter(ConfigSnapshot snapshot, String filter) {
        ConfigName name = ConfigName.of(Regexes.baseName(filter));
        if (snapshot.filter(name).isEmpty()) {
            throw new UnknownConfigException(ConfigKind.FILTER, name);
        }
    }

    private static JailConfig jail(ConfigSnapshot snapshot, ConfigName name) {
        return snapshot.jail(name).orElseThrow(() -> new UnknownConfigException(ConfigKind.JAIL, name));
    }

    private static DefinitionConfig definition(ConfigSnapshot snapshot, ConfigKind kind, ConfigName name) {
        Optional<DefinitionConfig> found = switch (kind) {
            case FILTER -> snapshot.filter(name);
            case ACTION -> snapshot.action(name);
            case JAIL -> throw new IllegalArgumentException("jails are not definitions");
        };
        return found.orElseThrow(() -> new UnknownConfigException(kind, name));
    }

    /** The writes of one change and its check on the configuration read after them. */
    private record Plan(List<Write> writes, Function<ConfigSnapshot, Regexes> verify) {
    }
}
