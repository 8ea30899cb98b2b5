package org.bangui.bootstrap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.fail2ban.config.Fail2banConfigCheckAdapter;
import org.bangui.adapters.fail2ban.config.Fail2banConfigFilesAdapter;
import org.bangui.adapters.fail2ban.config.Fail2banConfigReaderAdapter;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigFilesPort;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigReadPort;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.FileChange;

/**
 * The configuration ports on the config dir and socket in use. First-run setup may choose others; then the
 * adapters are rebuilt on them ({@link #retarget}), as the socket client and the config-dir probe are.
 */
final class ConfigDirectory implements ConfigReadPort, ConfigFilesPort, ConfigCheckPort {

    private final Fail2banConfig settings;
    private volatile Path dir;
    private volatile Path socket;
    private volatile Ports ports;

    ConfigDirectory(Fail2banConfig settings) {
        this.settings = settings;
        this.dir = settings.configDir();
        this.socket = settings.socket();
        this.ports = build();
    }

    /** Uses another config dir and/or socket from now on (empty: keep the current one). */
    synchronized void retarget(Optional<Path> newDir, Optional<Path> newSocket) {
        newDir.ifPresent(d -> this.dir = d);
        newSocket.ifPresent(s -> this.socket = s);
        this.ports = build();
    }

    private Ports build() {
        return new Ports(new Fail2banConfigReaderAdapter(dir), new Fail2banConfigFilesAdapter(dir),
                new Fail2banConfigCheckAdapter(settings.client(), dir, socket, settings.clientTimeout(),
                        settings.filterTestTimeout()));
    }

    @Override
    public ConfigSnapshot read() {
        return ports.reader().read();
    }

    @Override
    public FileChange apply(ConfigEdit edit) {
        return ports.files().apply(edit);
    }

    @Override
    public FileChange write(ConfigFile file, Optional<byte[]> content) {
        return ports.files().write(file, content);
    }

    @Override
    public Optional<byte[]> read(ConfigFile file) {
        return ports.files().read(file);
    }

    @Override
    public void test() {
        ports.check().test();
    }

    @Override
    public void compile(Optional<String> prefregex, List<String> failregex, List<String> ignoreregex) {
        ports.check().compile(prefregex, failregex, ignoreregex);
    }

    @Override
    public void reload(Optional<ConfigName> jail) {
        ports.check().reload(jail);
    }

    @Override
    public void restart(ConfigName jail) {
        ports.check().restart(jail);
    }

    @Override
    public List<LineMatch> testFilter(FilterTest test) {
        return ports.check().testFilter(test);
    }

    private record Ports(Fail2banConfigReaderAdapter reader, Fail2banConfigFilesAdapter files,
            Fail2banConfigCheckAdapter check) {
    }
}
