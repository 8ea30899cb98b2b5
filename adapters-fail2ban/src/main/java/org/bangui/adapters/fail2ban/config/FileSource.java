package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The files of one config dir, each read and parsed once per snapshot, never outside the dir (symlinks resolved);
 * and file families ({@code jail}, {@code filter.d/sshd}) merged with their includes as fail2ban's
 * {@code ConfigReaderUnshared.read} and {@code _getIncludes} do.
 */
final class FileSource {

    /** Larger files are refused; fail2ban's stock files are at most a few tens of KB. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final Path dir;
    private final Map<String, Optional<IniFile>> files = new HashMap<>();
    private final Map<String, Optional<ConfigTree>> families = new HashMap<>();
    private final Map<String, Boolean> existing = new HashMap<>();
    private final Map<String, Parsed> previous;
    private final Map<String, Parsed> parsed = new HashMap<>();

    /** @param previous what the previous read parsed, by relative path: reused for files whose bytes are equal */
    FileSource(Path realDir, Map<String, Parsed> previous) {
        this.dir = realDir;
        this.previous = previous;
    }

    /** A file's bytes and what they parse to; parsing is a function of the path and the bytes alone. */
    record Parsed(byte[] bytes, IniFile ini) {
    }

    /** What this read parsed, for the next one. */
    Map<String, Parsed> parsed() {
        return Map.copyOf(parsed);
    }

    /** The family's files merged with their includes; empty when none of its files exists (fail2ban: not found). */
    Optional<ConfigTree> family(String name) {
        Optional<ConfigTree> tree = families.get(name);
        if (tree == null) {
            tree = readFamily(name);
            families.put(name, tree);
        }
        return tree;
    }

    private Optional<ConfigTree> readFamily(String name) {
        List<String> dropIns = listDir(name.concat(".d"));
        List<String> candidates = new ArrayList<>();
        candidates.add(name.concat(".conf"));
        withExtension(dropIns, ".conf", candidates);
        candidates.add(name.concat(".local"));
        withExtension(dropIns, ".local", candidates);
        List<String> existing = new ArrayList<>();
        for (String candidate : candidates) {
            if (exists(candidate)) {
                existing.add(candidate);
            }
        }
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ConfigTree tree = new ConfigTree();
        List<String> ordered = new ArrayList<>();
        for (String file : expandLocal(existing)) {
            includes(file, List.of(), 0, ordered, tree);
        }
        boolean any = false;
        for (String file : ordered) {
            Optional<IniFile> ini = load(file, tree);
            if (ini.isPresent()) {
                tree.merge(ini.get());
                any = true;
            }
        }
        return any || !tree.errors.isEmpty() ? Optional.of(tree) : Optional.empty();
    }

    /** fail2ban's {@code _expandConfFilesWithLocal}: each file followed by its {@code .local}, if not listed. */
    private List<String> expandLocal(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(name);
            int slash = name.lastIndexOf('/');
            int dot = name.lastIndexOf('.');
            String local = (dot > slash ? name.substring(0, dot) : name).concat(".local");
            if (!names.contains(local) && exists(local)) {
                out.add(local);
            }
        }
        return out;
    }

    /** fail2ban's {@code __getIncludesUncached}: before-includes, the file, after-includes, loops cut. */
    private void includes(String file, List<String> seen, int depth, List<String> out, ConfigTree tree) {
        Optional<IniFile> ini = load(file, tree);
        if (ini.isEmpty()) {
            return;
        }
        if (depth > MAX_INCLUDE_DEPTH) {
            tree.errors.add("includes nested too deeply at " + file);
            return;
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Map<String, ?> section = ini.get().sections().get("INCLUDES");
        if (section != null) {
            ConfigTree single = new ConfigTree();
            single.merge(ini.get());
            for (String option : List.of("before", "after")) {
                if (!section.containsKey(option)) {
                    continue;
                }
                String value;
                try {
                    value = single.get("INCLUDES", option);
                } catch (ConfigError e) {
                    tree.errors.add(file + ": " + e.getMessage());
                    continue;
                }
                List<String> target = option.equals("before") ? before : after;
                for (String include : Py.lines(value)) {
                    String resolved = resolveInclude(file, include);
                    if (resolved == null) {
                        tree.errors.add(file + ": include '" + include + "' is outside the config dir; refused");
                        continue;
                    }
                    if (seen.contains(resolved)) {
                        continue;
                    }
                    List<String> chain = new ArrayList<>(seen);
                    chain.add(file);
                    for (String expanded : expandLocal(List.of(resolved))) {
                        includes(expanded, chain, depth + 1, target, tree);
                    }
                }
            }
        }
        out.addAll(before);
        out.add(file);
        out.addAll(after);
    }

    /** The include as a normalised path relative to the dir, or null if it lies outside. */
    private String resolveInclude(String file, String include) {
        Path base = include.startsWith("/") ? Path.of(include) : dir.resolve(file).getParent().resolve(include);
        Path normal = base.normalize();
        if (!normal.startsWith(dir)) {
            return null;
        }
        return dir.relativize(normal).toString();
    }

    /** Asked once per file and read: a family checks its {@code .local} more than once. */
    private boolean exists(String relative) {
        Boolean known = existing.get(relative);
        if (known == null) {
            known = Files.exists(dir.resolve(relative), LinkOption.NOFOLLOW_LINKS);
            existing.put(relative, known);
        }
        return known;
    }

    private static void withExtension(List<String> names, String ext, List<String> out) {
        for (String name : names) {
            if (name.endsWith(ext)) {
                out.add(name);
            }
        }
    }

    /** Sorted names {@code <subdir>/*} (hidden files left out, as Python's glob does). */
    private List<String> listDir(String subdir) {
        Path path = dir.resolve(subdir);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    out.add(subdir.concat("/").concat(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /**
     * The parsed file; empty when it does not exist or cannot be read (fail2ban skips those silently). Plain code,
     * no lambdas: each lambda's first call costs a bootstrap on a cold read.
     */
    Optional<IniFile> load(String relative, ConfigTree tree) {
        Optional<IniFile> ini = files.get(relative);
        if (ini == null) {
            ini = read(relative);
            files.put(relative, ini);
        }
        if (ini.isEmpty()) {
            return ini;
        }
        IniFile file = ini.get();
        if (file.error().isPresent() && !tree.errors.contains(file.error().get())) {
            tree.errors.add(file.error().get());
        }
        return file.error().isEmpty() || !file.sections().isEmpty() || !file.defaults().isEmpty() ? ini
                : Optional.empty();
    }

    private Optional<IniFile> read(String relative) {
        Path path = dir.resolve(relative);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        ConfigFile file;
        try {
            file = ConfigFile.of(relative);
        } catch (InvalidInputException e) {
            return Optional.of(IniFile.failed(placeholder(), "file name not supported: '" + relative + "'"));
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(dir)) {
                return Optional.of(IniFile.failed(file, relative + " points outside the config dir; refused"));
            }
            if (!Files.isRegularFile(real)) {
                return Optional.empty();
            }
            if (Files.size(real) > MAX_FILE_BYTES) {
                return Optional.of(IniFile.failed(file, relative + " is larger than " + MAX_FILE_BYTES + " bytes"));
            }
            byte[] bytes = Files.readAllBytes(real);
            Parsed before = previous.get(relative);
            if (before != null && Arrays.equals(before.bytes(), bytes)) {
                parsed.put(relative, before);
                return Optional.of(before.ini());
            }
            String text = isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : strictUtf8(bytes);
            IniFile ini = IniFile.parse(file, text);
            parsed.put(relative, new Parsed(bytes, ini));
            return Optional.of(ini);
        } catch (CharacterCodingException e) {
            return Optional.of(IniFile.failed(file, relative + " is not UTF-8 text"));
        } catch (IOException e) {
            return Optional.of(IniFile.failed(file, relative + " cannot be read"));
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Stock files are ASCII: then no decoder is needed to refuse what is not UTF-8. */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static ConfigFile placeholder() {
        return ConfigFile.of("unsupported");
    }
}
