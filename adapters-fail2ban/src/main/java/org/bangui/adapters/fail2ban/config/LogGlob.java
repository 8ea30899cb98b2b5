package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code glob.glob} as fail2ban applies it to {@code logpath}: {@code *}, {@code ?} and {@code [...]}
 * per path segment, hidden names matched only by a pattern starting with a dot, then only paths that exist
 * (symlinks followed). Results of one pattern are sorted (Python returns them in directory order). At most
 * {@link #MAX_ENTRIES} directory entries are looked at per pattern, so a hostile pattern cannot walk the disk.
 */
final class LogGlob {

    static final int MAX_ENTRIES = 20_000;
    private static final Pattern MAGIC = Pattern.compile("[*?\\[]");

    private LogGlob() {
    }

    static List<String> expand(String pattern) {
        if (pattern.isEmpty()) {
            return List.of();
        }
        if (!MAGIC.matcher(pattern).find()) {
            return Files.exists(Path.of(pattern)) ? List.of(pattern) : List.of();
        }
        String[] segments = pattern.split("/", -1);
        List<String> current = new ArrayList<>();
        current.add(pattern.startsWith("/") ? "/" : "");
        int[] budget = {MAX_ENTRIES};
        for (int i = pattern.startsWith("/") ? 1 : 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            List<String> next = new ArrayList<>();
            for (String base : current) {
                if (!MAGIC.matcher(segment).find()) {
                    next.add(join(base, segment));
                    continue;
                }
                next.addAll(matching(base, segment, !last, budget));
            }
            current = next;
        }
        List<String> out = new ArrayList<>();
        for (String path : current) {
            if (Files.exists(Path.of(path))) {
                out.add(path);
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> matching(String base, String segment, boolean dirsOnly, int[] budget) {
        Path dir = Path.of(base.isEmpty() ? "." : base);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern regex = Pattern.compile(translate(segment), Pattern.DOTALL);
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (--budget[0] < 0) {
                    break;
                }
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !segment.startsWith(".")) {
                    continue;
                }
                if (regex.matcher(name).matches() && (!dirsOnly || Files.isDirectory(entry))) {
                    out.add(join(base, name));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static String join(String base, String name) {
        if (base.isEmpty()) {
            return name;
        }
        return base.endsWith("/") ? base.concat(name) : base.concat("/").concat(name);
    }

    /** Python's {@code fnmatch.translate} for one segment. */
    static String translate(String pat) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String stuff = pat.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    out.append('[').append(stuff.replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
