package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigValue;

/**
 * One file parsed as Python's {@code configparser} parses it with fail2ban's settings: delimiters {@code =} and
 * {@code :}, full-line comments {@code #} and {@code ;}, inline comments {@code ;} after whitespace, strict
 * (duplicate sections and options are errors), empty lines kept inside values, keys lower-cased. On an error the
 * content read so far is kept and {@code error} says what is wrong (fail2ban refuses the whole file).
 */
record IniFile(ConfigFile file, Map<String, ConfigValue> defaults, Map<String, Map<String, ConfigValue>> sections,
               Optional<String> error) {

    static final String DEFAULT = "DEFAULT";
    private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)$", Pattern.DOTALL);

    /** A file that could not be read at all. */
    static IniFile failed(ConfigFile file, String error) {
        return new IniFile(file, Map.of(), Map.of(), Optional.of(error));
    }

    /** Parses {@code text}; never throws. */
    static IniFile parse(ConfigFile file, String text) {
        Parser parser = new Parser(file);
        String error = parser.run(text.replace("\r\n", "\n").replace('\r', '\n'));
        return new IniFile(file, parser.defaults, parser.sections, Optional.ofNullable(error));
    }

    private static final class Parser {
        private final ConfigFile file;
        private final Map<String, ConfigValue> defaults = new LinkedHashMap<>();
        private final Map<String, Map<String, ConfigValue>> sections = new LinkedHashMap<>();
        private final Map<Object, List<String>> pending = new LinkedHashMap<>();
        private final Set<Object> added = new HashSet<>();

        Parser(ConfigFile file) {
            this.file = file;
        }

        /** Returns the first error, or null. */
        String run(String text) {
            String[] lines = text.split("\n", -1);
            Map<String, ConfigValue> cursect = null;
            String sectname = null;
            String optname = null;
            int indentLevel = 0;
            String error = null;
            int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                String line = lines[i];
                int lineno = i + 1;
                int commentStart = inlineComment(line);
                String stripped = Py.strip(line);
                if (stripped.startsWith("#") || stripped.startsWith(";")) {
                    commentStart = 0;
                }
                String value = Py.strip(commentStart < 0 ? line : line.substring(0, commentStart));
                if (value.isEmpty()) {
                    if (commentStart < 0 && cursect != null && optname != null) {
                        pending.get(List.of(sectname, optname)).add("");
                    }
                    continue;
                }
                int indent = Py.firstNonSpace(line);
                if (cursect != null && optname != null && indent > indentLevel) {
                    pending.get(List.of(sectname, optname)).add(value);
                    continue;
                }
                indentLevel = indent;
                Matcher header = SECTION.matcher(value);
                if (header.lookingAt()) {
                    sectname = header.group(1);
                    if (sectname.equals(DEFAULT)) {
                        cursect = defaults;
                    } else if (!added.add(sectname)) {
                        flush();
                        return at(lineno, "section '" + sectname + "' already exists");
                    } else {
                        cursect = sections.computeIfAbsent(sectname, k -> new LinkedHashMap<>());
                    }
                    optname = null;
                } else if (cursect == null) {
                    flush();
                    return at(lineno, "file contains no section headers");
                } else {
                    Matcher option = OPTION.matcher(value);
                    if (option.lookingAt()) {
                        if (option.group(1).isEmpty() && error == null) {
                            error = at(lineno, "parsing error");
                        }
                        optname = Py.rstrip(option.group(1)).toLowerCase(Locale.ROOT);
                        if (!added.add(List.of(sectname, optname))) {
                            flush();
                            return at(lineno, "option '" + optname + "' in section '" + sectname
                                    + "' already exists");
                        }
                        List<String> parts = new ArrayList<>();
                        parts.add(Py.strip(option.group(3)));
                        pending.put(List.of(sectname, optname), parts);
                        cursect.put(optname, new ConfigValue("", file, sectname, lineno));
                    } else if (error == null) {
                        error = at(lineno, "parsing error");
                    }
                }
            }
            flush();
            return error;
        }

        private String at(int lineno, String what) {
            return file.path() + ", line " + lineno + ": " + what;
        }

        /** Joins multi-line values as configparser does: lines joined by newlines, trailing whitespace cut. */
        private void flush() {
            for (Map.Entry<Object, List<String>> entry : pending.entrySet()) {
                List<?> key = (List<?>) entry.getKey();
                String section = (String) key.get(0);
                String option = (String) key.get(1);
                Map<String, ConfigValue> target = section.equals(DEFAULT) ? defaults : sections.get(section);
                ConfigValue placeholder = target.get(option);
                String joined = Py.rstrip(String.join("\n", entry.getValue()));
                target.put(option, new ConfigValue(joined, file, section, placeholder.line()));
            }
            pending.clear();
        }

        /** The index of the first {@code ;} at the start or after whitespace, or -1. */
        private static int inlineComment(String line) {
            int index = line.indexOf(';');
            while (index >= 0) {
                if (index == 0 || Py.isSpace(line.charAt(index - 1))) {
                    return index;
                }
                index = line.indexOf(';', index + 1);
            }
            return -1;
        }
    }
}
