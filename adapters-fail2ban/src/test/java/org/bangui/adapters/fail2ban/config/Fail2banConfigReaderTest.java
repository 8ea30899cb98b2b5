package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.JailConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser rules of fail2ban's configuration, on small files. */
class Fail2banConfigReaderTest {

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    private ConfigSnapshot read() {
        return new Fail2banConfigReaderAdapter(dir).read();
    }

    private JailConfig jail(String name) {
        return read().jail(ConfigName.of(name)).orElseThrow();
    }

    private EffectiveJail effective(String name) {
        JailConfig jail = jail(name);
        assertThat(jail.problem()).isEmpty();
        return jail.effective().orElseThrow();
    }

    private void filter(String name, String text) throws IOException {
        write("filter.d/" + name + ".conf", text);
    }

    @Test
    void joinsContinuationLinesAndKeepsLineAndFileOfTheWinningDefinition() throws IOException {
        filter("f", "[Definition]\nfailregex = ^one <HOST>$\n    ^two <HOST>$\n\n    ^three <HOST>$\n");
        write("jail.conf", "[DEFAULT]\nMaxRetry = 4\n[j]\nfilter = f\nlogpath = /nonexistent\n");
        write("jail.d/b.local", "[j]\nmaxretry = 7\n");
        assertThat(effective("j").failregex()).containsExactly("^one <HOST>$", "^two <HOST>$", "^three <HOST>$");
        assertThat(effective("j").maxretry()).isEqualTo(7);
        assertThat(jail("j").values().get("maxretry").file()).isEqualTo(ConfigFile.of("jail.d/b.local"));
        assertThat(jail("j").values().get("maxretry").line()).isEqualTo(2);
        assertThat(jail("j").values().get("filter").section()).isEqualTo("j");
        assertThat(jail("j").file()).isEqualTo(ConfigFile.of("jail.conf"));
    }

    @Test
    void stripsInlineCommentsOnlyAfterWhitespaceAndFullLineComments() throws IOException {
        filter("f", "[Definition]\nfailregex = a;b <HOST> ; comment\n# full = line\n; other = line\n");
        write("jail.conf", "[j]\nfilter = f\nbantime = 1h # not a comment\n");
        assertThat(effective("j").failregex()).containsExactly("a;b <HOST>");
        assertThat(effective("j").bantime()).isEqualTo("1h # not a comment");
    }

    @Test
    void readsFilesInFail2banOrderLaterOverridingKeyByKey() throws IOException {
        write("jail.conf", "[j]\nbantime = 1\nfindtime = 1\nmaxretry = 1\n");
        write("jail.d/a.conf", "[j]\nbantime = 2\nfindtime = 2\n");
        write("jail.local", "[j]\nbantime = 3\n");
        write("jail.d/z.local", "[j]\nmaxretry = 9\n");
        EffectiveJail j = effective("j");
        assertThat(List.of(j.bantime(), j.findtime(), j.maxretry())).containsExactly("3", "2", 9);
    }

    @Test
    void interpolatesVariablesSectionsKnownNameAndPercent() throws IOException {
        write("jail.conf", "[DEFAULT]\nbase = /x\nbantime = 5\n[other]\nport = 22\n"
                + "[j]\nlogpath = %(base)s/%(__name__)s.log\nfindtime = %(other/port)s%%\nbantime = 10\n");
        write("jail.local", "[j]\nbantime = %(known/bantime)s0\nignoreip = %(default/bantime)s 1.2.3.4,5.6.7.8\n");
        EffectiveJail j = effective("j");
        assertThat(j.findtime()).isEqualTo("22%");
        assertThat(j.bantime()).isEqualTo("100");
        assertThat(j.ignoreip()).containsExactly("5", "1.2.3.4", "5.6.7.8");
        assertThat(jail("j").values().get("logpath").value()).isEqualTo("%(base)s/%(__name__)s.log");
    }

    @Test
    void followsIncludesBeforeAndAfterRelativeToTheIncludingFile() throws IOException {
        write("paths.conf", "[INCLUDES]\nafter = paths-late.conf\n[DEFAULT]\nv = early\nw = early\n");
        write("paths-late.conf", "[DEFAULT]\nw = late\n");
        write("jail.conf", "[INCLUDES]\nbefore = paths.conf\n[j]\nbantime = %(v)s-%(w)s\n");
        assertThat(effective("j").bantime()).isEqualTo("early-late");
    }

    @Test
    void appliesFilterParametersInitDefaultsAndTags() throws IOException {
        filter("f", "[INCLUDES]\nbefore = common.conf\n[Definition]\n_daemon = d\n"
                + "failregex = ^%(__prefix)s<mode> <HOST>$\n    <known/extra>\n"
                + "[Init]\nmode = normal\nextra = ^x <HOST>\n");
        filter("common", "[DEFAULT]\n__prefix = P:\n");
        write("jail.conf", "[a]\nfilter = f\n[b]\nfilter = f[mode=\"agg,ressive\", extra=y]\n");
        assertThat(effective("a").failregex()).containsExactly("^P:normal <HOST>$", "^x <HOST>");
        assertThat(effective("b").failregex()).containsExactly("^P:agg,ressive <HOST>$", "^x <HOST>");
        assertThat(effective("b").filter()).isEqualTo("f[mode=\"agg,ressive\", extra=y]");
        var def = read().filter(ConfigName.of("f")).orElseThrow();
        assertThat(def.values()).containsKeys("failregex", "init/mode");
        assertThat(def.files())
                .containsExactly(ConfigFile.of("filter.d/common.conf"), ConfigFile.of("filter.d/f.conf"));
        assertThat(def.regexes().get("failregex")).containsExactly("^P:normal <HOST>$", "^x <HOST>");
    }

    @Test
    void readsMultiLineActionsWithParametersAndNames() throws IOException {
        write("action.d/a.conf", "[Definition]\nactionban = ban <ip> <port>\n[Init]\nport = 1\n");
        write("jail.conf", "[DEFAULT]\naction_ = a[port=\"1,2\"]\n           a[name=other]\n"
                + "action = %(action_)s\n[j]\n");
        assertThat(effective("j").actions()).containsExactly("a", "a-other");
    }

    @Test
    void reportsAMissingFilterOrBadInterpolationAsAProblemWithoutPaths() throws IOException {
        write("jail.conf", "[a]\nfilter = nope\n[b]\nbantime = %(missing)s\n[c]\nbantime = 5%\n");
        ConfigSnapshot snapshot = read();
        assertThat(snapshot.jails()).hasSize(3);
        for (String name : List.of("a", "b", "c")) {
            JailConfig jail = snapshot.jail(ConfigName.of(name)).orElseThrow();
            assertThat(jail.effective()).isEmpty();
            assertThat(jail.problem()).get().asString().doesNotContain(dir.toString());
        }
        assertThat(snapshot.jail(ConfigName.of("a")).orElseThrow().problem()).contains(
                "Unable to read the filter 'nope'");
    }

    @Test
    void foldsKeyCaseAndKeepsConditionalInitKeys() throws IOException {
        write("action.d/a.conf", "[Definition]\nActionBan = x\n[Init]\nt = 4\n[Init?family=inet6]\nt = 6\n");
        var action = read().action(ConfigName.of("a")).orElseThrow();
        assertThat(action.values()).containsKeys("actionban", "init/t", "init/t?family=inet6");
        assertThat(action.effective()).containsEntry("actionban", "x");
    }

    @Test
    void refusesAnUnreadableDirectory() {
        assertThatThrownBy(() -> new Fail2banConfigReaderAdapter(dir.resolve("missing")).read())
                .isInstanceOf(ConfigUnreadableException.class);
    }
}
