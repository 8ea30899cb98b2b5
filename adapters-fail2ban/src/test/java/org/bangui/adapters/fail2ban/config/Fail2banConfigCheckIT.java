package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.domain.config.ConfigCheckPort.FilterTest;
import org.bangui.domain.config.ConfigCheckPort.LineMatch;
import org.bangui.domain.config.ConfigInvalidException;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ReloadFailedException;
import org.bangui.domain.config.UnknownConfigException;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the check adapter against a private fail2ban. Tests that break the configuration restore it. */
class Fail2banConfigCheckIT {

    private static final String SSHD_FAILURE =
            "Nov 21 05:22:27 host sshd[123]: Failed password for root from 203.0.113.5 port 50021 ssh2";

    @TempDir
    static Path dir;

    private static Fail2banSandbox sandbox;
    private static Fail2banConfigCheckAdapter check;

    @BeforeAll
    static void start() {
        sandbox = Fail2banSandbox.start(dir);
        check = new Fail2banConfigCheckAdapter("fail2ban-client", sandbox.configDir(), sandbox.socket(),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Fail2banConfigCheckAdapter withFilterTimeout(Duration timeout) {
        return new Fail2banConfigCheckAdapter("fail2ban-client", sandbox.configDir(), sandbox.socket(),
                Duration.ofSeconds(30), timeout);
    }

    @Test
    void passesTheTestOfAGoodConfiguration() {
        check.test();
    }

    @Test
    void failsTheTestOfAJailWithoutLogFileNamingTheJailWithoutAnyPath() throws IOException {
        Path local = sandbox.configDir().resolve("jail.local");
        Files.writeString(local, "[sshd]\nlogpath = " + dir.resolve("logs/missing.log") + "\n");
        try {
            assertThatThrownBy(check::test).isInstanceOfSatisfying(ConfigInvalidException.class, e -> {
                assertThat(e.getMessage()).contains("sshd").doesNotContain(dir.toString()).doesNotContain("ERROR")
                        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
            });
        } finally {
            Files.delete(local);
        }
    }

    @Test
    void failsTheTestOfGarbageShowingTheFileRelative() throws IOException {
        Path local = sandbox.configDir().resolve("jail.local");
        Files.writeString(local, "[sshd]\nthis is garbage\n");
        try {
            assertThatThrownBy(check::test).isInstanceOfSatisfying(ConfigInvalidException.class,
                    e -> assertThat(e.getMessage()).contains("jail.local").contains("garbage")
                            .doesNotContain(dir.toString()));
        } finally {
            Files.delete(local);
        }
    }

    @Test
    void compilesRegexesAsTheServerDoes() {
        check.compile(List.of("^Failed for <HOST>$", "^x <F-ID>\\w+</F-ID>"), List.of("^ok"));
        assertThatThrownBy(() -> check.compile(List.of("^(unclosed <HOST>"), List.of()))
                .isInstanceOfSatisfying(ConfigInvalidException.class, e -> assertThat(e.getMessage())
                        .contains("failregex '^(unclosed <HOST>'").contains("missing )"));
        assertThatThrownBy(() -> check.compile(List.of("^no host here"), List.of()))
                .isInstanceOfSatisfying(ConfigInvalidException.class,
                        e -> assertThat(e.getMessage()).contains("No failure-id group"));
        assertThatThrownBy(() -> check.compile(List.of("<HOST>"), List.of("a(\"'\u00e9")))
                .isInstanceOfSatisfying(ConfigInvalidException.class,
                        e -> assertThat(e.getMessage()).contains("ignoreregex 'a(\"'\u00e9'"));
    }

    @Test
    void compilesTheStockSshdFilterWithItsPrefregexAndNeedsIt() throws Exception {
        List<String> sshd = sshdRegexes();
        check.compile(Optional.of(sshd.get(0)), sshd.subList(1, sshd.size()), List.of());
        assertThatThrownBy(() -> check.compile(sshd.subList(1, sshd.size()), List.of()))
                .isInstanceOfSatisfying(ConfigInvalidException.class,
                        e -> assertThat(e.getMessage()).contains("No failure-id group"));
    }

    /** The sshd filter's prefregex, then its failregexes, as fail2ban's reader sends them to the server. */
    static List<String> sshdRegexes() throws IOException, InterruptedException {
        String script = String.join("\n",
                "import sys",
                "from fail2ban.client.filterreader import FilterReader",
                "r = FilterReader('sshd', 'sshd', {}, basedir=sys.argv[1])",
                "r.read()",
                "r.getOptions({})",
                "cmds = r.convert()",
                "print([c[3] for c in cmds if c[2] == 'prefregex'][0].encode().hex())",
                "for c in cmds:",
                "    if c[2] == 'addfailregex':",
                "        for x in c[3]: print(x.encode().hex())");
        Process python = new ProcessBuilder("/usr/bin/python3", "-I", "-c", script,
                sandbox.configDir().toString()).redirectErrorStream(true).start();
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(out).isZero();
        return java.util.Arrays.stream(out.strip().split("\n"))
                .map(hex -> new String(java.util.HexFormat.of().parseHex(hex), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void reloadsOneJailAndAll() {
        check.reload(Optional.of(ConfigName.of("sshd")));
        check.reload(Optional.empty());
        assertThat(sandbox.client("status")).contains("sshd").contains("nginx-http-auth").contains("blocklist");
    }

    @Test
    void reloadingAStoppedJailStartsItAgain() {
        sandbox.client("stop", "nginx-http-auth");
        assertThat(sandbox.client("status")).doesNotContain("nginx-http-auth");
        check.reload(Optional.of(ConfigName.of("nginx-http-auth")));
        assertThat(sandbox.client("status")).contains("nginx-http-auth");
    }

    @Test
    void reportsAFailedReload() {
        assertThatThrownBy(() -> check.reload(Optional.of(ConfigName.of("nosuchjail"))))
                .isInstanceOfSatisfying(ReloadFailedException.class,
                        e -> assertThat(e.getMessage()).contains("nosuchjail").doesNotContain(dir.toString()));
    }

    @Test
    void testsTheSshdFilterLineByLine() {
        List<LineMatch> result = check.testFilter(new FilterTest(Optional.of("sshd"), List.of(), List.of(),
                Optional.empty(), List.of(SSHD_FAILURE, "hello world", SSHD_FAILURE.replace("root", "a\tb"))));
        assertThat(result).extracting(LineMatch::matched).containsExactly(true, false, true);
        assertThat(result.get(0).host()).contains("203.0.113.5");
        assertThat(result.get(0).time())
                .hasValueSatisfying(t -> assertThat(t).isAfter(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(result.get(1).host()).isEmpty();
        assertThat(result.get(2).line()).contains("a\tb");
    }

    @Test
    void testsANamedFilterWithParameters() {
        List<LineMatch> result = check.testFilter(new FilterTest(Optional.of("sshd[mode=aggressive]"), List.of(),
                List.of(), Optional.empty(), List.of(SSHD_FAILURE)));
        assertThat(result).extracting(LineMatch::matched).containsExactly(true);
    }

    @Test
    void testsAdHocRegexesWithPercentAndBrackets() {
        List<LineMatch> result = check.testFilter(new FilterTest(Optional.empty(),
                // fail2ban matches what follows the date, with its leading space; %(...)s reaches the regex as is
                List.of("^ \\[100%\\] login failed from <HOST>$", "%\\(nothing\\)s <HOST>$"),
                List.of("\\[100%\\] login failed from 198\\."),
                Optional.empty(), List.of("Nov 21 05:22:27 [100%] login failed from 192.0.2.7",
                        "Nov 21 05:22:28 [100%] login failed from 198.51.100.9",
                        "Nov 21 05:22:29 %(nothing)s 192.0.2.8", "no date 192.0.2.9")));
        assertThat(result).extracting(LineMatch::matched).containsExactly(true, false, true, false);
        assertThat(result.get(0).host()).contains("192.0.2.7");
    }

    @Test
    void usesAnAdHocDatePatternAsFail2banUsesIt() {
        List<LineMatch> result = check.testFilter(new FilterTest(Optional.empty(), List.of("fail from <HOST>$"),
                List.of(), Optional.of("^%Y|%m|%d %H:%M:%S"), List.of("2026|11|21 05:22:27 fail from 192.0.2.7")));
        assertThat(result.get(0).matched()).isTrue();
        assertThat(result.get(0).time()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("2026-11-2"));
    }

    @Test
    void refusesAnAdHocRegexThatDoesNotCompile() {
        assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.empty(), List.of("^(unclosed <HOST>"),
                List.of(), Optional.empty(), List.of("x")))).isInstanceOfSatisfying(ConfigInvalidException.class,
                        e -> assertThat(e.getMessage()).contains("Unable to compile").doesNotContain("/tmp"));
    }

    @Test
    void stopsACatastrophicRegexAtTheTimeLimit() {
        String line = "Nov 21 05:22:27 " + "a".repeat(40) + "b";
        assertThatThrownBy(() -> withFilterTimeout(Duration.ofMillis(1500)).testFilter(new FilterTest(
                Optional.empty(), List.of("(?:(a+)+$|x<HOST>)"), List.of(), Optional.empty(), List.of(line))))
                .isInstanceOfSatisfying(ConfigInvalidException.class,
                        e -> assertThat(e.getMessage()).contains("ran longer than"));
    }

    @Test
    void refusesHostileFilterSpecsWithoutReadingAnyFile() {
        for (String spec : List.of("../../etc/passwd", "/etc/shadow", "sshd[mode=../x]", "sshd[a=b]x", "sshd/x",
                "a b", "sshd[logpath=/etc/shadow]")) {
            assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.of(spec), List.of(), List.of(),
                    Optional.empty(), List.of("x")))).as(spec).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_filter"));
        }
        assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.of("passwd"), List.of(), List.of(),
                Optional.empty(), List.of("x")))).isInstanceOf(UnknownConfigException.class);
    }

    @Test
    void refusesTooManyOrTooLongLines() {
        assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.of("sshd"), List.of(), List.of(),
                Optional.empty(), java.util.Collections.nCopies(1001, "x")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.of("sshd"), List.of(), List.of(),
                Optional.empty(), List.of("x".repeat(8 * 1024 + 1))))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> check.testFilter(new FilterTest(Optional.of("sshd"), List.of(), List.of(),
                Optional.empty(), List.of("a\nb")))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void leavesTheJailLogsAlone() throws IOException {
        Files.writeString(sandbox.logFile("sshd"), "", StandardOpenOption.APPEND);
        assertThat(sandbox.client("status", "sshd")).contains("Currently banned:\t0");
    }
}
