package org.bangui.bootstrap;

import java.nio.file.Path;
import org.bangui.adapters.fail2ban.ConfigDirProbeAdapter;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.application.session.SessionPolicy;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.RuntimeSettingsPort;

/**
 * Applies what first-run setup chose: the fail2ban socket and config dir replace the configured ones, and the
 * session lifetime replaces {@code BANGUI_SESSION_LIFETIME}. Applied when setup completes and at every start.
 */
final class RuntimeSettingsAdapter implements RuntimeSettingsPort {

    private static final System.Logger LOG = System.getLogger(RuntimeSettingsAdapter.class.getName());

    private final Fail2banClient client;
    private final ConfigDirProbeAdapter configDirProbe;
    private final SessionPolicy sessions;
    private final ConfigDirectory configDirectory;

    RuntimeSettingsAdapter(Fail2banClient client, ConfigDirProbeAdapter configDirProbe, SessionPolicy sessions,
                           ConfigDirectory configDirectory) {
        this.client = client;
        this.configDirProbe = configDirProbe;
        this.sessions = sessions;
        this.configDirectory = configDirectory;
    }

    @Override
    public void apply(AdminAccount account) {
        account.fail2banSocket().map(Path::of).ifPresent(socket -> {
            LOG.log(System.Logger.Level.INFO, "fail2ban_socket_from_setup: {0}", socket);
            client.retarget(socket);
        });
        account.fail2banConfigDir().map(Path::of).ifPresent(dir -> {
            LOG.log(System.Logger.Level.INFO, "fail2ban_config_dir_from_setup: {0}", dir);
            configDirProbe.retarget(dir);
        });
        configDirectory.retarget(account.fail2banConfigDir().map(Path::of), account.fail2banSocket().map(Path::of));
        account.sessionLifetime().ifPresent(sessions::lifetime);
    }
}
