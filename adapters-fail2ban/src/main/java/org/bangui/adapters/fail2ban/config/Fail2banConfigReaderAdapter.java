package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigReadPort;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.ConfigValue;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.JailConfig;

/** Reads fail2ban's config dir as fail2ban 1.0's client does, into an immutable snapshot (see the package). */
public final class Fail2banConfigReaderAdapter implements ConfigReadPort {

    /** The version fail2ban adds as {@code %(fail2ban_version)s}; the one this reader mirrors. */
    static final String FAIL2BAN_VERSION = "1.0.2";

    private final Path dir;
    /** The files the last read parsed: a file whose bytes did not change is not parsed again. */
    private volatile Map<String, FileSource.Parsed> lastParsed = Map.of();

    /** @param dir the config dir ({@code /etc/fail2ban}); read on every {@link #read()} */
    public Fail2banConfigReaderAdapter(Path dir) {
        this.dir = dir;
    }

    @Override
    public ConfigSnapshot read() {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new ConfigUnreadableException("the fail2ban config dir cannot be read", e);
        }
        if (!Files.isDirectory(real) || !Files.isReadable(real)) {
            throw new ConfigUnreadableException("the fail2ban config dir cannot be read", null);
        }
        FileSource source = new FileSource(real, lastParsed);
        ConfigTree jailTree = source.family("jail").orElse(null);
        if (jailTree == null) {
            jailTree = new ConfigTree();
        }
        jailTree.setStaticDefaults(Map.of("fail2ban_version", FAIL2BAN_VERSION,
                "fail2ban_confpath", dir.toString()));
        Map<String, JailConfig> jails = new LinkedHashMap<>();
        for (String section : jailTree.sectionNames()) {
            if (section.equals("INCLUDES") || !validName(section)) {
                continue;
            }
            jails.put(section, jail(source, jailTree, section));
        }
        Map<ConfigName, Snapshot.Lazy> filters = definitions(source, real, ConfigKind.FILTER);
        Map<ConfigName, Snapshot.Lazy> actions = definitions(source, real, ConfigKind.ACTION);
        Optional<ConfigTree> serverTree = source.family("fail2ban");
        Map<String, ConfigValue> server = serverTree.isPresent()
                ? serverTree.get().sections.getOrDefault("Definition", Map.of()) : Map.of();
        lastParsed = source.parsed();
        return new Snapshot(jails, filters, actions, jailTree.defaults, server);
    }

    private static JailConfig jail(FileSource source, ConfigTree tree, String section) {
        Map<String, ConfigValue> values = new LinkedHashMap<>(tree.defaults);
        values.putAll(tree.sections.get(section));
        ConfigFile file = tree.firstFile.get(section);
        JailBuilder builder = new JailBuilder(source, tree, section);
        boolean enabled = false;
        try {
            enabled = "True".equals(builder.firstOptions().get("enabled"));
        } catch (ConfigError e) {
            // reported as the problem below
        }
        Optional<EffectiveJail> effective = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            effective = Optional.of(builder.build());
        } catch (ConfigError | StackOverflowError e) {
            problem = Optional.of(e instanceof ConfigError ? e.getMessage() : "the configuration nests too deeply");
        }
        return new JailConfig(ConfigName.of(section), enabled, file, values, effective, problem);
    }

    /** Files are read now; each view is built on first use (jails need only the trees), then kept. */
    private static Map<ConfigName, Snapshot.Lazy> definitions(FileSource source, Path real, ConfigKind kind) {
        Map<ConfigName, Snapshot.Lazy> out = new TreeMap<>();
        for (String name : names(real.resolve(kind.directory()))) {
            Optional<ConfigTree> tree = source.family(kind.directory().concat("/").concat(name));
            if (tree.isPresent()) {
                ConfigName configName = ConfigName.of(name);
                out.put(configName, new Snapshot.Lazy(() -> DefinitionView.of(kind, configName, tree.get())));
            }
        }
        return out;
    }

    private static List<String> names(Path directory) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                int dot = file.lastIndexOf('.');
                if (dot > 0 && (file.endsWith(".conf") || file.endsWith(".local"))) {
                    String name = file.substring(0, dot);
                    if (validName(name) && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            return names;
        }
        return names;
    }

    private static boolean validName(String name) {
        try {
            ConfigName.of(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
