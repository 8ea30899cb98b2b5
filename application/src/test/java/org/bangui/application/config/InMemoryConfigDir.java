package org.bangui.application.config;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
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
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.FileChange;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;

/**
 * fail2ban's configuration directory in memory, for service tests: files as text, read in fail2ban's order
 * ({@code X.conf}, {@code X.d/*.conf}, {@code X.local}, {@code X.d/*.local}; the last definition of a key wins) for
 * the {@code jail} and {@code fail2ban} families; filters and actions from {@code filter.d} and {@code action.d}
 * ({@code NAME.conf}, then {@code NAME.local}). fail2ban's test passes unless {@link #testFailure} is set; the
 * writes of files in {@link #unwritable} fail.
 */
final class InMemoryConfigDir implements ConfigReadPort, ConfigFilesPort, ConfigCheckPort, ConfigChangePort {

    final Map<ConfigFile, String> files = new TreeMap<>();
    final List<ConfigChange> versions = new ArrayList<>();
    final Set<ConfigFile> unwritable = new HashSet<>();
    /** fail2ban's message when its test fails; null when it passes. */
    String testFailure;
    /** The failregexes compiled, one list per compiled set, in order. */
    final List<List<String>> compiled = new ArrayList<>();
    /** Whether recording a version fails (its store is down). */
    boolean versionsDown;
    /** What fail2ban does on a reload (of one jail, or of all when empty); the test wires it to its fail2ban. */
    Consumer<Optional<ConfigName>> onReload = jail -> {
        throw new UnsupportedOperationException("not modelled");
    };
    /** What fail2ban does on a jail's restart. */
    Consumer<ConfigName> onRestart = jail -> {
        throw new UnsupportedOperationException("not modelled");
    };
    /** Runs before every write, e.g. to take fail2ban down while a change is under way. */
    Runnable beforeWrite = () -> { };

    InMemoryConfigDir with(String path, String text) {
        files.put(ConfigFile.of(path), text);
        return this;
    }

    /** A file's text; empty if it does not exist. */
    String text(String path) {
        return files.getOrDefault(ConfigFile.of(path), "");
    }

    @Override
    public FileChange apply(ConfigEdit edit) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        merge(List.of(edit.file())).forEach((section, values) -> {
            Map<String, String> keys = sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
            values.forEach((key, value) -> keys.put(key, value.value()));
        });
        Map<String, String> keys = sections.computeIfAbsent(edit.section(), s -> new LinkedHashMap<>());
        edit.changes().forEach((key, value) -> {
            if (value == null) {
                keys.remove(key);
            } else {
                keys.put(key, value);
            }
        });
        StringBuilder text = new StringBuilder();
        sections.forEach((section, values) -> {
            text.append(text.isEmpty() ? "" : "\n").append('[').append(section).append("]\n");
            values.forEach((key, value) -> text.append(key).append(" = ")
                    .append(value.replace("\n", "\n    ")).append('\n'));
        });
        return write(edit.file(), Optional.of(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public FileChange write(ConfigFile file, Optional<byte[]> content) {
        beforeWrite.run();
        if (unwritable.contains(file)) {
            throw new ConfigUnreadableException("cannot write " + file.path(), null);
        }
        Optional<byte[]> before = read(file);
        content.ifPresentOrElse(bytes -> files.put(file, new String(bytes, StandardCharsets.UTF_8)),
                () -> files.remove(file));
        return new FileChange(file, before, content);
    }

    @Override
    public Optional<byte[]> read(ConfigFile file) {
        return Optional.ofNullable(files.get(file)).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ConfigSnapshot read() {
        return new Snapshot(family("jail"), family("fail2ban"), definitions(ConfigKind.FILTER, "filter.d"),
                definitions(ConfigKind.ACTION, "action.d"));
    }

    @Override
    public void test() {
        if (testFailure != null) {
            throw new ConfigInvalidException(testFailure);
        }
    }

    @Override
    public void compile(Optional<String> prefregex, List<String> failregex, List<String> ignoreregex) {
        compiled.add(failregex);
    }

    @Override
    public void reload(Optional<ConfigName> jail) {
        onReload.accept(jail);
    }

    @Override
    public void restart(ConfigName jail) {
        onRestart.accept(jail);
    }

    @Override
    public List<LineMatch> testFilter(FilterTest test) {
        throw new UnsupportedOperationException("not modelled");
    }

    @Override
    public ConfigChange record(FileChange change, Instant at, String actor, String summary) {
        if (versionsDown) {
            throw new ConfigUnreadableException("version store down", null);
        }
        ConfigChange kept = new ConfigChange(versions.size() + 1, change, at, actor, summary);
        versions.add(kept);
        return kept;
    }

    @Override
    public List<ConfigChange> list(int limit) {
        List<ConfigChange> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    @Override
    public Optional<ConfigChange> find(long id) {
        return versions.stream().filter(c -> c.id() == id).findFirst();
    }

    /** Section to key to winning value, over one family's files in fail2ban's order. */
    private Map<String, Map<String, ConfigValue>> family(String name) {
        List<ConfigFile> order = new ArrayList<>();
        order.add(ConfigFile.of(name + ".conf"));
        files.keySet().stream().filter(f -> f.path().startsWith(name + ".d/") && f.path().endsWith(".conf"))
                .forEach(order::add);
        order.add(ConfigFile.of(name + ".local"));
        files.keySet().stream().filter(f -> f.path().startsWith(name + ".d/") && f.isLocal()).forEach(order::add);
        return merge(order);
    }

    /** Every filter or action in {@code directory}: {@code NAME.conf}, then {@code NAME.local}. */
    private Map<ConfigName, DefinitionConfig> definitions(ConfigKind kind, String directory) {
        Map<ConfigName, DefinitionConfig> definitions = new TreeMap<>(Comparator.comparing(ConfigName::value));
        for (ConfigFile file : files.keySet()) {
            String path = file.path();
            if (!path.startsWith(directory + "/")) {
                continue;
            }
            String base = path.substring(directory.length() + 1, path.lastIndexOf('.'));
            List<ConfigFile> own = files.keySet().stream().filter(f -> f.path().equals(directory + "/" + base
                    + ".conf") || f.path().equals(directory + "/" + base + ".local")).toList();
            Map<String, Map<String, ConfigValue>> sections = merge(own);
            Map<String, ConfigValue> values = new LinkedHashMap<>(sections.getOrDefault("Definition", Map.of()));
            sections.getOrDefault("Init", Map.of()).forEach((key, value) -> values.put("init/" + key, value));
            Map<String, List<String>> regexes = new LinkedHashMap<>();
            if (kind == ConfigKind.FILTER) {
                for (String key : List.of("failregex", "ignoreregex", "prefregex")) {
                    Optional.ofNullable(values.get(key)).map(v -> List.of(v.value().split("\n")))
                            .ifPresent(r -> regexes.put(key, r));
                }
            }
            definitions.put(ConfigName.of(base), new DefinitionConfig(kind, ConfigName.of(base), own, values,
                    Map.of(), regexes));
        }
        return definitions;
    }

    private Map<String, Map<String, ConfigValue>> merge(List<ConfigFile> order) {
        Map<String, Map<String, ConfigValue>> merged = new LinkedHashMap<>();
        for (ConfigFile file : order) {
            String[] lines = text(file.path()).split("\n");
            String section = null;
            String key = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("#") || line.startsWith(";")) {
                    continue;
                } else if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    merged.computeIfAbsent(section, s -> new LinkedHashMap<>());
                } else if (section != null && line.startsWith(" ") && key != null) {
                    ConfigValue first = merged.get(section).get(key);
                    merged.get(section).put(key, new ConfigValue(first.value() + "\n" + line.strip(), file,
                            section, first.line()));
                } else if (section != null && line.contains("=")) {
                    key = line.substring(0, line.indexOf('=')).strip();
                    merged.get(section).put(key, new ConfigValue(line.substring(line.indexOf('=') + 1).strip(),
                            file, section, i + 1));
                }
            }
        }
        return merged;
    }

    /**
     * A jail can run when it names a filter that exists (or none, as a blocklist-only jail names {@code filter =});
     * its ignore list is its {@code ignoreip} split on blanks.
     */
    private record Snapshot(Map<String, Map<String, ConfigValue>> jailFamily,
                            Map<String, Map<String, ConfigValue>> serverFamily,
                            Map<ConfigName, DefinitionConfig> filterFiles,
                            Map<ConfigName, DefinitionConfig> actionFiles) implements ConfigSnapshot {

        @Override
        public List<JailSummary> jails() {
            return jailFamily.keySet().stream().filter(s -> !s.equals("DEFAULT") && !s.equals("INCLUDES"))
                    .map(s -> jail(ConfigName.of(s)).orElseThrow())
                    .map(j -> new JailSummary(j.name(), j.enabled(), value(j, "filter", ""), j.file())).toList();
        }

        @Override
        public Optional<JailConfig> jail(ConfigName name) {
            Map<String, ConfigValue> own = jailFamily.get(name.value());
            if (own == null || name.value().equals("DEFAULT")) {
                return Optional.empty();
            }
            Map<String, ConfigValue> values = new LinkedHashMap<>(jailDefaults());
            values.putAll(own);
            ConfigFile file = own.values().stream().map(ConfigValue::file).min(ConfigFile::compareTo)
                    .orElse(ConfigFile.of("jail.local"));
            Optional<ConfigValue> filter = Optional.ofNullable(values.get("filter"));
            Optional<List<String>> failregex = filter.map(ConfigValue::value).flatMap(this::failregex);
            int maxretry = Integer.parseInt(Optional.ofNullable(values.get("maxretry")).map(ConfigValue::value)
                    .orElse("5"));
            List<String> ignoreip = values.containsKey("ignoreip")
                    ? List.of(values.get("ignoreip").value().split("\\s+")) : List.of();
            Optional<EffectiveJail> effective = failregex.map(regexes -> new EffectiveJail("auto",
                    filter.get().value(), List.of(), maxretry, "10m", "10m", actions(values), regexes, List.of(),
                    ignoreip, Optional.empty()));
            boolean enabled = Optional.ofNullable(values.get("enabled")).map(v -> v.value().equals("true"))
                    .orElse(false);
            return Optional.of(new JailConfig(name, enabled, file, values, effective,
                    effective.isPresent() ? Optional.empty() : Optional.of("no filter")));
        }

        /** The failregexes of the filter a jail names: none for no filter, empty when the filter is missing. */
        private Optional<List<String>> failregex(String filter) {
            String base = filter.contains("[") ? filter.substring(0, filter.indexOf('[')) : filter;
            if (base.isBlank()) {
                return Optional.of(List.of());
            }
            return base.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && !base.contains("..")
                    ? filter(ConfigName.of(base)).map(f -> f.regexes().getOrDefault("failregex", List.of()))
                    : Optional.empty();
        }

        /** The action names of a jail's {@code action} lines, without parameters. */
        private static List<String> actions(Map<String, ConfigValue> values) {
            return Optional.ofNullable(values.get("action")).map(a -> a.value().lines()
                    .map(line -> line.contains("[") ? line.substring(0, line.indexOf('[')) : line)
                    .map(String::strip).toList()).orElse(List.of());
        }

        private static String value(JailConfig jail, String key, String fallback) {
            return Optional.ofNullable(jail.values().get(key)).map(ConfigValue::value).orElse(fallback);
        }

        @Override
        public List<ConfigName> filters() {
            return List.copyOf(filterFiles.keySet());
        }

        @Override
        public Optional<DefinitionConfig> filter(ConfigName name) {
            return Optional.ofNullable(filterFiles.get(name));
        }

        @Override
        public List<ConfigName> actions() {
            return List.copyOf(actionFiles.keySet());
        }

        @Override
        public Optional<DefinitionConfig> action(ConfigName name) {
            return Optional.ofNullable(actionFiles.get(name));
        }

        @Override
        public Map<String, ConfigValue> jailDefaults() {
            return jailFamily.getOrDefault("DEFAULT", Map.of());
        }

        @Override
        public Map<String, ConfigValue> server() {
            return serverFamily.getOrDefault("Definition", Map.of());
        }
    }
}
