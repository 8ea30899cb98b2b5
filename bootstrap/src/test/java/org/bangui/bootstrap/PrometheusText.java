package org.bangui.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of a Prometheus text exposition, for before/after comparisons in tests. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final String body;

    PrometheusText(String body) {
        this.body = body;
    }

    /**
     * The value of the one sample named {@code name} whose labels include {@code labels}; 0 if there is none
     * (a series that has not been created yet).
     *
     * @throws AssertionError if more than one sample matches
     */
    double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double found = null;
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                if (found != null) {
                    throw new AssertionError("more than one sample " + name + " " + wanted);
                }
                found = Double.parseDouble(sample.group(3));
            }
        }
        return found == null ? 0 : found;
    }
}
