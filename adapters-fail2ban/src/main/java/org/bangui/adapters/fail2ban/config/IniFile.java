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

    /** A file that could not be read at all. */
    static IniFile failed(ConfigFile file, String error) {
        return new IniFile(file, Map.of(), Map.of(), Optional.of(error));
    }

    /** Parses {@code text}; never throws. */
    static IniFile parse(ConfigFile file, String text) {
        Parser parser = new Parser(file);
        String error = parser.run(text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n'));
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
            List<String> parts = null;
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
                        parts.add("");
                    }
                    continue;
                }
                int indent = Py.firstNonSpace(line);
                if (cursect != null && optname != null && indent > indentLevel) {
                    parts.add(value);
                    continue;
                }
                indentLevel = indent;
                Matcher header = value.charAt(0) == '[' ? SECTION.matcher(value) : null;
                if (header != null && header.lookingAt()) {
                    sectname = header.group(1);
                    if (sectname.equals(DEFAULT)) {
                        cursect = defaults;
                    } else if (!added.add(sectname)) {
                        flush();
                        return at(lineno, "section '" + sectname + "' already exists");
                    } else {
                        cursect = new LinkedHashMap<>();
                        sections.put(sectname, cursect);
                    }
                    optname = null;
                } else if (cursect == null) {
                    flush();
                    return at(lineno, "file contains no section headers");
                } else {
                    int delimiter = delimiter(value);
                    if (delimiter >= 0) {
                        String name = value.substring(0, delimiter);
                        if (name.isEmpty() && error == null) {
                            error = at(lineno, "parsing error");
                        }
                        optname = Py.rstrip(name).toLowerCase(Locale.ROOT);
                        if (!added.add(List.of(sectname, optname))) {
                            flush();
                            return at(lineno, "option '" + optname + "' in section '" + sectname
                                    + "' already exists");
                        }
                        parts = new ArrayList<>();
                        parts.add(Py.strip(optionValue(value, delimiter)));
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

        /**
         * Where configparser's option pattern {@code (.*?)\s*([=:])\s*(.*)$} ends its name group: before the
         * regex whitespace preceding the first {@code =} or {@code :}; -1 when there is none. By hand, as the lazy
         * pattern was a tenth of parsing.
         */
        private static int delimiter(String value) {
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '=' || c == ':') {
                    int end = k;
                    while (end > 0 && isRegexSpace(value.charAt(end - 1))) {
                        end--;
                    }
                    return end;
                }
            }
            return -1;
        }

        /** The pattern's value group: after the delimiter following {@code nameEnd} and the regex whitespace. */
        private static String optionValue(String value, int nameEnd) {
            int k = nameEnd;
            while (value.charAt(k) != '=' && value.charAt(k) != ':') {
                k++;
            }
            int start = k + 1;
            while (start < value.length() && isRegexSpace(value.charAt(start))) {
                start++;
            }
            return value.substring(start);
        }

        /** {@code \s} of Java's regular expressions without UNICODE_CHARACTER_CLASS. */
        private static boolean isRegexSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
