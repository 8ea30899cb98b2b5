package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits files and reads them back with fail2ban's own parser (Python), which must see exactly the values set. */
class LocalFileEditorParserIT {

    private static final String DUMP = String.join("\n",
            "import sys",
            "from fail2ban.client.configparserinc import SafeConfigParserWithIncludes as P",
            "p = P()",
            "p.read(sys.argv[1])",
            "h = lambda s: s.encode().hex()",
            "print(h('DEFAULT'))",
            "for k, v in p.get_defaults().items(): print(h('DEFAULT'), h(k), h(v))",
            "for name, options in p.get_sections().items():",
            "    print(h(name))",
            "    for k, v in options.items(): print(h(name), h(k), h(v))");

    private static final String ODD = "\uFEFF# comments everywhere\r\n; and here\r\n[DEFAULT]\r\n"
            + "ignoreip = 127.0.0.1/8 ; inline\r\n\tbantime:\t1h\r\n\r\n[sshd]   ; jail\r\nEnabled=false\r\n"
            + "logpath = /var/log/a\r\n\t/var/log/b\r\n\r\n  # a comment inside\r\n    /var/log/c\r\n"
            + "# next key\r\nport: ssh\r\n[nginx]\r\nenabled = true";

    @TempDir
    Path dir;

    @Test
    void fail2banReadsExactlyTheValuesSetAndEverythingElseAsBefore() throws Exception {
        Path file = dir.resolve("jail.local");
        Files.writeString(file, ODD.substring(1)); // fail2ban cannot read a file with a byte order mark
        Map<String, Map<String, String>> before = parse(file);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("enabled", "true");
        changes.put("logpath", "/x/%(a)s\n[nginx]\nenabled = false\nnope #x %%");
        changes.put("maxretry", "3");
        changes.put("port", null);
        new Fail2banConfigFilesAdapter(dir).apply(new ConfigEdit(ConfigFile.of("jail.local"), "sshd", changes));
        new Fail2banConfigFilesAdapter(dir).apply(new ConfigEdit(ConfigFile.of("jail.local"), "recidive",
                Map.of("failregex", "^\\[ <HOST>\nx;=1 <HOST>")));

        Map<String, Map<String, String>> after = parse(file);
        Map<String, Map<String, String>> expected = new LinkedHashMap<>(before);
        Map<String, String> sshd = new LinkedHashMap<>(before.get("sshd"));
        sshd.putAll(Map.of("enabled", "true", "logpath", changes.get("logpath"), "maxretry", "3"));
        sshd.remove("port");
        expected.put("sshd", sshd);
        expected.put("recidive", Map.of("failregex", "^\\[ <HOST>\nx;=1 <HOST>"));
        assertThat(after).isEqualTo(expected);
        assertThat(after.get("nginx")).containsEntry("enabled", "true");
    }

    @Test
    void fail2banReadsAnInjectedKeyAsPartOfTheValue() throws Exception {
        Path file = dir.resolve("jail.local");
        Files.writeString(file, "[sshd]\nenabled = true\n");
        new Fail2banConfigFilesAdapter(dir).apply(new ConfigEdit(ConfigFile.of("jail.local"), "sshd",
                Map.of("port", "22\n[recidive]\nenabled = true")));
        Map<String, Map<String, String>> after = parse(file);
        assertThat(after).containsOnlyKeys("DEFAULT", "sshd");
        assertThat(after.get("sshd")).containsEntry("port", "22\n[recidive]\nenabled = true")
                .containsEntry("enabled", "true").hasSize(2);
    }

    private static Map<String, Map<String, String>> parse(Path file) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(List.of("/usr/bin/python3", "-I", "-c", DUMP, file.toString()))
                .redirectErrorStream(true).start();
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] fields = line.split(" ");
            Map<String, String> section = sections.computeIfAbsent(unhex(fields[0]), s -> new LinkedHashMap<>());
            if (fields.length == 3) {
                section.put(unhex(fields[1]), unhex(fields[2]));
            }
        }
        return sections;
    }

    private static String unhex(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
