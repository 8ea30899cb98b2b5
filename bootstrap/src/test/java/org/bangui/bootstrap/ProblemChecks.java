package org.bangui.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What every error answer must be: a problem document with the security headers that names no internals. */
final class ProblemChecks {

    /** A qualified Java name such as {@code io.micronaut.management.HealthCheckType}. */
    private static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]");
    /** A file system path such as {@code /var/run/fail2ban}; checked outside {@code instance}. */
    private static final Pattern FILE_PATH = Pattern.compile("/[\\w.-]+/[\\w.-]+");
    private static final List<String> WORDS = List.of("Exception", "io.micronaut", "com.fasterxml",
            "StreamReadFeature", "\tat ", "<html", "<!doctype");

    private ProblemChecks() {
    }

    /** What is wrong with {@code response} as an error answer; empty if nothing. */
    static List<String> problems(Api.Response response) {
        List<String> found = new ArrayList<>();
        if (response.status() < 400 || response.status() > 499) {
            found.add("status " + response.status());
        }
        if (!response.header("X-Content-Type-Options").orElse("").equals("nosniff")) {
            found.add("no X-Content-Type-Options: nosniff");
        }
        if (!response.header("Cache-Control").orElse("").equals("no-store")) {
            found.add("no Cache-Control: no-store");
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            found.add("content type " + response.contentType());
            return found;
        }
        found.addAll(leaks(response.body()));
        Map<String, Object> problem = response.json();
        if (!Integer.valueOf(response.status()).equals(problem.get("status"))) {
            found.add("status field " + problem.get("status"));
        }
        for (String field : List.of("type", "title", "detail", "code")) {
            String value = String.valueOf(problem.get(field));
            if (FILE_PATH.matcher(value).find()) {
                found.add(field + " names a path: " + value);
            }
        }
        if ("/bad-request".equals(problem.get("instance"))) {
            found.add("instance is Netty's placeholder /bad-request");
        }
        return found;
    }

    /** Internals that {@code body} gives away; empty if none. */
    static List<String> leaks(String body) {
        List<String> found = new ArrayList<>();
        if (CLASS_NAME.matcher(body).find()) {
            found.add("a Java class name");
        }
        for (String word : WORDS) {
            if (body.contains(word)) {
                found.add("'" + word.strip() + "'");
            }
        }
        return found;
    }
}
