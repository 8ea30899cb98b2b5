package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile names and values against every configuration write: each one answers a 4xx problem (never a 5xx,
 * never a path or class name), nothing is written outside the config dir, and a symlink that points out of it is
 * not written through.
 */
@MicronautTest(transactional = false)
class ConfigFuzzIT extends SandboxedServiceTest {

    private static final List<String> NAMES = List.of("../etc", "..", ".hidden", "%2e%2e", "a/b", "a\nb", "[x]",
            "%(x)s", "<F2B_END_COMMAND>", "x".repeat(65), "sshd;rm", "a b", "é");
    /** Refused for any key. */
    private static final List<String> VALUES = List.of("5\n[sshd]\nenabled = false", "1\u0000", "%(nope)s",
            "100 ;comment", "x\r\nbantime = 1", "<F2B_END_COMMAND>", "[INCLUDES]", "x\n[Definition]");
    /** Refused where a number or a duration is expected (fail2ban would evaluate some of them). */
    private static final List<String> NOT_NUMBERS = List.of("10 + 1", "__import__('os')", "9".repeat(2000), "1e9");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bangui.rate-limit-config-writes", "off", "bangui.rate-limit-filters", "off",
                "bangui.rate-limit-actions", "off");
    }

    @Test
    void hostileNamesAnswerAProblemAndWriteNothing() throws IOException {
        List<String> before = tree(workDir);
        List<String> failures = new ArrayList<>();
        for (String name : NAMES) {
            String path = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            for (Api.Response r : List.of(
                    api.get("/api/v1/config/jails/" + path),
                    api.put("/api/v1/config/jails/" + path, "{\"values\":{\"maxretry\":\"3\"}}", JSON),
                    api.put("/api/v1/config/filters/" + path, "{\"values\":{\"failregex\":\"x <HOST>\"}}", JSON),
                    api.put("/api/v1/config/actions/" + path, "{\"values\":{\"actionban\":\"true\"}}", JSON),
                    api.post("/api/v1/config/jails", "{\"name\":" + quoted(name) + "}", JSON),
                    api.post("/api/v1/config/filters", "{\"name\":" + quoted(name) + ",\"failregex\":\"x <HOST>\"}",
                            JSON),
                    api.post("/api/v1/config/reload", "{\"jail\":" + quoted(name) + "}", JSON))) {
                check(name, r, failures);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tree(workDir)).isEqualTo(before);
    }

    @Test
    void hostileValuesAnswerAProblemAndLeaveTheFilesAsTheyWere() throws IOException {
        List<String> before = tree(workDir);
        List<String> failures = new ArrayList<>();
        for (String value : NOT_NUMBERS) {
            for (String key : List.of("maxretry", "bantime", "findtime")) {
                check(key + "=" + value, api.put("/api/v1/config/jails/sshd", "{\"values\":{\"" + key + "\":"
                        + quoted(value) + "}}", JSON), failures);
            }
        }
        for (String value : VALUES) {
            for (String key : List.of("maxretry", "bantime", "filter", "logpath", "banaction", "failregex")) {
                check(key + "=" + value, api.put("/api/v1/config/jails/sshd", "{\"values\":{\"" + key + "\":"
                        + quoted(value) + "}}", JSON), failures);
            }
            check("key " + value, api.put("/api/v1/config/jails/sshd", "{\"values\":{" + quoted(value)
                    + ":\"1\"}}", JSON), failures);
        }
        check("1 MB value", api.put("/api/v1/config/jails/sshd", "{\"values\":{\"action\":\""
                + "a".repeat(1 << 20) + "\"}}", JSON), failures);
        check("formula", api.put("/api/v1/server/settings", "{\"bantime.formula\":\"__import__('os')\"}", JSON),
                failures);
        check("short purge age", api.put("/api/v1/server/settings", "{\"dbpurgeage\":\"10m\"}", JSON), failures);
        check("bad ignoreip", api.post("/api/v1/jails/sshd/ignoreip", "{\"entry\":\"example.org\"}", JSON),
                failures);
        assertThat(failures).isEmpty();
        assertThat(tree(workDir)).isEqualTo(before);
    }

    @Test
    void aLocalFileThatIsASymlinkOutOfTheConfigDirIsNotWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(workDir.resolve("outside"));
        Path target = Files.writeString(outside.resolve("target.local"), "[nginx-http-auth]\n");
        Files.createDirectories(fail2ban.configDir().resolve("jail.d"));
        Path link = Files.createSymbolicLink(fail2ban.configDir().resolve("jail.d/nginx-http-auth.local"), target);
        try {
            Api.Response put = api.put("/api/v1/config/jails/nginx-http-auth", "{\"values\":{\"maxretry\":\"4\"}}",
                    JSON);
            List<String> failures = new ArrayList<>();
            check("symlink", put, failures);
            assertThat(failures).isEmpty();
            assertThat(Files.readString(target)).isEqualTo("[nginx-http-auth]\n");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void filterAndActionNamesThatArePathsAreRefusedSoFail2banNeverLoadsAFileFromElsewhere() throws IOException {
        Path outside = Files.createDirectories(workDir.resolve("elsewhere"));
        Files.writeString(outside.resolve("evil.conf"), "[Definition]\nfailregex = ^EVIL <HOST>$\n");
        List<String> before = tree(fail2ban.configDir());
        String relative = "../".repeat(8) + outside.toString().substring(1) + "/evil";
        List<String> failures = new ArrayList<>();
        for (String key : List.of("filter", "action", "banaction")) {
            for (String value : List.of(relative, outside + "/evil", "sshd/../../x", "..")) {
                Api.Response r = api.put("/api/v1/config/jails/sshd", "{\"values\":{\"" + key + "\":"
                        + quoted(value) + "}}", JSON);
                check(key + "=" + value, r, failures);
                if (r.status() != 400) {
                    failures.add(key + "=" + value + " answered " + r.status());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tree(fail2ban.configDir())).isEqualTo(before);
        assertThat(fail2ban.client("-d")).doesNotContain("EVIL");
    }

    @Test
    void aLocalFileLinkedToAShippedConfIsNotWrittenThrough() throws IOException {
        byte[] shipped = Files.readAllBytes(fail2ban.configDir().resolve("jail.conf"));
        Files.createDirectories(fail2ban.configDir().resolve("jail.d"));
        Path link = Files.createSymbolicLink(fail2ban.configDir().resolve("jail.d/blocklist.local"),
                Path.of("../jail.conf"));
        try {
            List<String> failures = new ArrayList<>();
            check("link to jail.conf", api.put("/api/v1/config/jails/blocklist", "{\"values\":{\"maxretry\":\"4\"}}",
                    JSON), failures);
            assertThat(failures).isEmpty();
            assertThat(Files.readAllBytes(fail2ban.configDir().resolve("jail.conf"))).isEqualTo(shipped);
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void reservedNamesAndIgnoreEntriesThatIgnoreEveryoneAreRefused() {
        List<String> failures = new ArrayList<>();
        for (String name : List.of("DEFAULT", "INCLUDES", "Definition", "default")) {
            check("jail " + name, api.post("/api/v1/config/jails", "{\"name\":\"" + name + "\"}", JSON), failures);
        }
        for (String entry : List.of("0.0.0.0/0", "::/0", "10.0.0.0/7")) {
            check("ignoreip " + entry, api.post("/api/v1/jails/sshd/ignoreip", "{\"entry\":\"" + entry + "\"}",
                    JSON), failures);
        }
        assertThat(failures).isEmpty();
        assertThat(fail2ban.client("get", "sshd", "ignoreip")).doesNotContain("0.0.0.0");
    }

    private static final String[] JSON = {"Content-Type", "application/json"};

    private static void check(String what, Api.Response r, List<String> failures) {
        List<String> problems = ProblemChecks.problems(r);
        if (!problems.isEmpty()) {
            failures.add(what.substring(0, Math.min(60, what.length())) + ": " + problems + " " + r.status());
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Every file below {@code dir} with its size and modification time, except fail2ban's own runtime files. */
    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("fail2ban\\.(log|sqlite3.*|pid)|server\\.out"))
                    .filter(p -> !p.toString().contains("/data/"))
                    .map(p -> {
                        try {
                            return dir.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            return dir.relativize(p) + " gone";
                        }
                    }).sorted().toList();
        }
    }
}
