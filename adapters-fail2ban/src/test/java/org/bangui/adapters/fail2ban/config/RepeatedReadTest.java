package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.JailConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader read again: files whose bytes did not change are reused, changed ones are parsed again. */
class RepeatedReadTest {

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    private static JailConfig jail(ConfigSnapshot snapshot, String name) {
        return snapshot.jail(ConfigName.of(name)).orElseThrow();
    }

    @Test
    void aFileRewrittenWithTheSameLengthBetweenReadsIsSeenByTheNextRead() throws IOException {
        write("filter.d/f.conf", "[Definition]\nfailregex = ^one <HOST>$\n");
        write("jail.conf", "[j]\nfilter = f\nmaxretry = 4\nlogpath = /nonexistent\n");
        Fail2banConfigReaderAdapter reader = new Fail2banConfigReaderAdapter(dir);
        ConfigSnapshot first = reader.read();
        write("filter.d/f.conf", "[Definition]\nfailregex = ^two <HOST>$\n");
        write("jail.conf", "[j]\nfilter = f\nmaxretry = 5\nlogpath = /nonexistent\n");
        ConfigSnapshot second = reader.read();
        assertThat(jail(first, "j").effective().orElseThrow().failregex()).containsExactly("^one <HOST>$");
        assertThat(jail(second, "j").effective().orElseThrow().failregex()).containsExactly("^two <HOST>$");
        assertThat(jail(second, "j").effective().orElseThrow().maxretry()).isEqualTo(5);
    }

    @Test
    void anUnchangedDirReadTwiceGivesEqualSnapshots() throws IOException {
        write("filter.d/common.conf", "[DEFAULT]\n_daemon = \\S*\n");
        write("filter.d/f.conf", "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^<_daemon> <HOST>$\n");
        write("action.d/a.conf", "[Definition]\nactionban = ban <ip> <name>\n[Init]\nname = x\n");
        write("jail.conf", "[DEFAULT]\naction = a[name=%(__name__)s]\n[j]\nfilter = f\nlogpath = /nonexistent\n");
        Fail2banConfigReaderAdapter reader = new Fail2banConfigReaderAdapter(dir);
        ConfigSnapshot first = reader.read();
        ConfigSnapshot second = reader.read();
        assertThat(jail(second, "j")).isEqualTo(jail(first, "j"));
        assertThat(second.filter(ConfigName.of("f"))).isEqualTo(first.filter(ConfigName.of("f")));
        assertThat(second.action(ConfigName.of("a"))).isEqualTo(first.action(ConfigName.of("a")));
        assertThat(jail(second, "j").effective().orElseThrow().failregex()).containsExactly("^\\S* <HOST>$");
    }

    @Test
    void aFileThatBecameInvalidUtf8IsRefusedOnTheNextRead() throws IOException {
        write("jail.conf", "[j]\nfilter = f\n");
        Fail2banConfigReaderAdapter reader = new Fail2banConfigReaderAdapter(dir);
        assertThat(jail(reader.read(), "j").problem()).isPresent();
        Files.write(dir.resolve("jail.conf"), new byte[] {'[', 'j', ']', '\n', 'a', '=', (byte) 0xff, '\n'});
        assertThat(reader.read().jails()).isEmpty();
    }
}
