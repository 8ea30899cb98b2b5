package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.JailConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every jail of the stock jail.conf, enabled alone in a copy of /etc/fail2ban, read by fail2ban-client -d and by
 * the reader: the values fail2ban sends must equal the reader's effective view. Some stock log variables point at
 * files created in the copy (one through a glob), so logpath is compared on real files.
 */
class ConfigFidelityIT {

    private static final Path STOCK = Path.of("/etc/fail2ban");
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> SEEN =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern SECTION = Pattern.compile("(?m)^\\[([^\\]]+)\\]");

    @TempDir
    Path tmp;

    @Test
    void everyStockJailReadsAsFail2banClientDumpsIt() throws Exception {
        Path logs = tmp.resolve("logs");
        for (String file : List.of("auth.log", "messages", "apache2/one-error.log", "apache2/two-error.log",
                "apache2/access.log", "nginx/site-access.log")) {
            Files.createDirectories(logs.resolve(file).getParent());
            Files.writeString(logs.resolve(file), "");
        }
        List<String> jails = new ArrayList<>();
        Matcher m = SECTION.matcher(Files.readString(STOCK.resolve("jail.conf")));
        while (m.find()) {
            if (!m.group(1).equals("DEFAULT") && !m.group(1).equals("INCLUDES")) {
                jails.add(m.group(1));
            }
        }
        Path script = tmp.resolve("dump.py");
        try (InputStream in = getClass().getResourceAsStream("/config-fidelity/dump.py")) {
            Files.write(script, in.readAllBytes());
        }
        int workers = 2;
        List<Path> dirs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path dir = tmp.resolve("conf" + w);
            copy(STOCK, dir);
            Files.deleteIfExists(dir.resolve("jail.d/defaults-debian.conf"));
            Files.writeString(dir.resolve("paths-overrides.local"), "[DEFAULT]\n"
                    + "syslog_authpriv = " + logs.resolve("auth.log") + "\n"
                    + "syslog_local0 = " + logs.resolve("messages") + "\n"
                    + "apache_error_log = " + logs.resolve("apache2") + "/*error.log\n"
                    + "nginx_access_log = " + logs.resolve("nginx") + "/*access.log\n");
            dirs.add(dir);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path dir = dirs.get(w);
            List<String> share = new ArrayList<>();
            for (int i = w; i < jails.size(); i += workers) {
                share.add(jails.get(i));
            }
            results.add(pool.submit(() -> compareAll(dir, script, share)));
        }
        List<String> differences = new ArrayList<>();
        for (Future<List<String>> result : results) {
            differences.addAll(result.get());
        }
        pool.shutdown();
        System.out.println("fidelity: " + jails.size() + " jails, compared values " + SEEN);
        assertThat(jails).hasSizeGreaterThan(80);
        // the comparison saw real values: regexes, log files (two through one glob), actions
        assertThat(SEEN.getOrDefault("failregex", 0)).as("seen %s", SEEN).isGreaterThan(150);
        assertThat(SEEN.getOrDefault("prefregex", 0)).as("seen %s", SEEN).isGreaterThan(10);
        assertThat(SEEN.getOrDefault("logpath", 0)).as("seen %s", SEEN).isGreaterThan(20);
        assertThat(SEEN.getOrDefault("logpath-glob", 0)).isGreaterThan(0);
        assertThat(SEEN.getOrDefault("action", 0)).isGreaterThan(80);
        assertThat(differences).as("differences with fail2ban-client -d over %d jails", jails.size()).isEmpty();
    }

    private static List<String> compareAll(Path dir, Path script, List<String> jails) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String jail : jails) {
            Files.writeString(dir.resolve("jail.local"), "[" + jail + "]\nenabled = true\n");
            Map<String, List<String>> dumped = dump(script, dir);
            JailConfig ours = new Fail2banConfigReaderAdapter(dir).read().jail(ConfigName.of(jail)).orElseThrow();
            compare(jail, dumped, ours, differences);
        }
        return differences;
    }

    private static void compare(String jail, Map<String, List<String>> dumped, JailConfig ours, List<String> out) {
        if (dumped.containsKey("fail")) {
            out.add(jail + ": fail2ban-client failed: " + dumped.get("fail"));
            return;
        }
        if (dumped.containsKey("config-error")) {
            SEEN.merge("config-error", 1, Integer::sum);
            if (ours.problem().isEmpty()) {
                out.add(jail + ": fail2ban refuses it (" + dumped.get("config-error") + ") but we have no problem");
            }
            return;
        }
        if (ours.effective().isEmpty()) {
            out.add(jail + ": fail2ban builds it but we report " + ours.problem());
            return;
        }
        EffectiveJail e = ours.effective().get();
        check(jail, "backend", dumped, List.of(e.backend()), out);
        check(jail, "maxretry", dumped, List.of(Integer.toString(e.maxretry())), out);
        check(jail, "findtime", dumped, List.of(e.findtime()), out);
        check(jail, "bantime", dumped, List.of(e.bantime()), out);
        check(jail, "logpath", dumped, e.logpath().stream().sorted().toList(), out);
        check(jail, "failregex", dumped, e.failregex(), out);
        check(jail, "ignoreregex", dumped, e.ignoreregex(), out);
        check(jail, "action", dumped, e.actions(), out);
        check(jail, "ignoreip", dumped, e.ignoreip(), out);
        // sent by the filter, then again by the jail if it sets its own: the last one holds
        List<String> prefregex = dumped.getOrDefault("prefregex", List.of());
        dumped.put("prefregex", prefregex.isEmpty() ? List.of() : List.of(prefregex.get(prefregex.size() - 1)));
        check(jail, "prefregex", dumped, e.prefregex().stream().toList(), out);
    }

    private static void check(String jail, String kind, Map<String, List<String>> dumped, List<String> ours,
                              List<String> out) {
        List<String> theirs = dumped.getOrDefault(kind, List.of());
        SEEN.merge(kind, theirs.size(), Integer::sum);
        if (kind.equals("logpath") && theirs.stream().filter(p -> p.contains("-error.log")).count() == 2) {
            SEEN.merge("logpath-glob", 1, Integer::sum);
        }
        if (kind.equals("logpath")) {
            theirs = theirs.stream().sorted().toList();
        }
        if (!theirs.equals(ours)) {
            out.add(jail + ": " + kind + ": fail2ban " + theirs + " / ours " + ours);
        }
    }

    private static Map<String, List<String>> dump(Path script, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            out.computeIfAbsent(parts[0], k -> new ArrayList<>())
                    .add(new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
