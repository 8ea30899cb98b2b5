package org.bangui.bootstrap;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.bangui.adapters.persistence.SecretFile;
import org.bangui.application.setup.SetupUseCase;
import org.bangui.bootstrap.logging.ExternalLogging;
import org.bangui.domain.setup.AdminAccountPort;

/**
 * The {@code tasks} start-up stage (see {@link StartupStages}): applies the settings chosen at setup; while setup is
 * pending, makes sure a setup token exists.
 * A generated token is logged exactly once, when it is created (it is useless after setup); later starts
 * only name the file that holds it.
 */
@Singleton
class StartupTasks {

    private static final System.Logger LOG = System.getLogger(StartupTasks.class.getName());
    /** The line with the token stays on this host: an external log receiver never gets it. */
    private static final System.Logger LOCAL = System.getLogger(ExternalLogging.LOCAL_ONLY_LOGGER);

    private final SetupUseCase setup;
    private final AdminAccountPort accounts;
    private final RuntimeSettingsAdapter runtime;
    private final SecuritySettings settings;
    private final Path dataDir;

    StartupTasks(SetupUseCase setup, AdminAccountPort accounts, RuntimeSettingsAdapter runtime,
                 SecuritySettings settings, @Named("dataDir") Path dataDir) {
        this.setup = setup;
        this.accounts = accounts;
        this.runtime = runtime;
        this.settings = settings;
        this.dataDir = dataDir;
    }

    /** The {@code tasks} start-up stage. */
    void run() {
        accounts.load().ifPresent(runtime::apply);
        if (setup.isComplete()) {
            return;
        }
        if (settings.setupToken() != null && !settings.setupToken().isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "setup_pending: complete it with POST /api/v1/setup and the "
                    + "token given in BANGUI_SETUP_TOKEN");
            return;
        }
        SecretFile file = new SecretFile(dataDir.resolve("setup-token"));
        SecretFile.Result token = file.readOrCreate(() -> SecretFile.randomSecret(24));
        if (token.created()) {
            LOCAL.log(System.Logger.Level.WARNING, "setup_pending: one-time setup token {0} (also in {1}, "
                    + "mode 0600); it stops working once setup is complete", token.secret(), file.path());
        } else {
            LOG.log(System.Logger.Level.WARNING, "setup_pending: the one-time setup token is in {0}", file.path());
        }
    }
}
