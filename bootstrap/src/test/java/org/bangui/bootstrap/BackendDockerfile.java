package org.bangui.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime stage of Docker/Dockerfile.backend read as text: its instructions with continuation lines joined
 * and comments dropped. Enough of the Dockerfile syntax for this file, not a general parser.
 */
final class BackendDockerfile {

    static final String PATH = "Docker/Dockerfile.backend";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** Keyword and arguments of each instruction of the last stage. */
    private final List<String[]> instructions;

    private BackendDockerfile(List<String[]> instructions) {
        this.instructions = List.copyOf(instructions);
    }

    static BackendDockerfile read() {
        return parse(RepositoryFiles.read(PATH));
    }

    static BackendDockerfile parse(String text) {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            if (parts[0].equals("FROM")) {
                instructions.clear();
            }
            instructions.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            current.setLength(0);
        }
        return new BackendDockerfile(instructions);
    }

    /** The arguments of every instruction with this keyword, in order. */
    List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    /** The arguments of the one instruction with this keyword; fails if there are none or several. */
    String only(String keyword) {
        List<String> found = arguments(keyword);
        if (found.size() != 1) {
            throw new AssertionError(keyword + " appears " + found.size() + " times in the runtime stage");
        }
        return found.get(0);
    }

    /** The ENV names and values, in order (values without spaces or quotes, as this file writes them). */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : arguments("ENV")) {
            for (String pair : arguments.split("\\s+")) {
                String[] nameValue = pair.split("=", 2);
                env.put(nameValue[0], nameValue[1]);
            }
        }
        return env;
    }

    /** The words of an exec-form ({@code ["a", "b"]}) instruction; fails on the shell form. */
    List<String> execForm(String keyword) {
        String arguments = only(keyword);
        if (!arguments.startsWith("[") || !arguments.endsWith("]")) {
            throw new AssertionError(keyword + " is not in exec form, so SIGTERM would not reach the JVM");
        }
        List<String> words = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(arguments);
        while (quoted.find()) {
            words.add(quoted.group(1));
        }
        return words;
    }
}
