package org.bangui.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.Micronaut;
import java.net.BindException;
import java.util.Locale;
import java.util.Optional;
import org.bangui.bootstrap.logging.ExternalLogging;
import org.bangui.bootstrap.logging.ExternalLoggingProbe;
import org.bangui.bootstrap.logging.ExternalLoggingSettings;
import org.slf4j.LoggerFactory;

/**
 * Starts BanGUI. A setting that does not parse stops the start with one line that names it
 * ({@code startup_failed stage=settings reason="bangui.scheduler.heartbeat: 'abc' is not a duration ..."}) and
 * exit status 1, instead of the framework's stack trace around the same message.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // checked before anything starts logging (Micronaut's own class does, as soon as it is loaded)
        String logFormat = System.getenv("BANGUI_LOG_FORMAT");
        if (logFormat != null && !logFormat.equals("json") && !logFormat.equals("text")) {
            // logback would pick no appender and the service would run without any log: say so in plain text
            // (a system property set before logback starts wins over the environment) and refuse to start
            System.setProperty("BANGUI_LOG_FORMAT", "text");
            log().log(System.Logger.Level.ERROR, "startup_failed stage=settings reason=\"BANGUI_LOG_FORMAT: '"
                    + logFormat.replace('"', '\'') + "' is neither json nor text\"");
            System.exit(1);
        }
        String oldShutdown = System.getenv("BANGUI_SHUTDOWN_GRACE_PERIOD");
        if (oldShutdown != null && System.getenv("BANGUI_SHUTDOWN_TIMEOUT") == null) {
            // the setting's name before the job runner: honoured, so that an upgrade keeps the operator's value
            System.setProperty("bangui.shutdown.timeout", oldShutdown);
            log().log(System.Logger.Level.WARNING, "setting_renamed old=BANGUI_SHUTDOWN_GRACE_PERIOD "
                    + "new=BANGUI_SHUTDOWN_TIMEOUT; the old name still works but will be removed");
        }
        Launcher launcher = new Launcher();
        externalLogging().ifPresent(logging -> launcher.singletons(logging, new ExternalLoggingProbe(logging)));
        launcher.args(args).mainClass(Application.class).banner(false).start();
    }

    /**
     * Adds the external log appender before Micronaut starts, so that its start-up lines are shipped too. A
     * wrong setting, or a required receiver that cannot be reached, ends the process here.
     */
    private static Optional<ExternalLogging> externalLogging() {
        Optional<ExternalLoggingSettings> settings;
        try {
            settings = ExternalLoggingSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            log().log(System.Logger.Level.ERROR, "startup_failed stage=settings reason=\""
                    + e.getMessage().replace('"', '\'') + "\"");
            System.exit(1);
            return Optional.empty();
        }
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        try {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            return Optional.of(ExternalLogging.start(settings.get(), logback));
        } catch (ExternalLogging.UnreachableException e) {
            log().log(System.Logger.Level.ERROR, "external_logging_unreachable target=\"" + e.getMessage()
                    .replace('"', '\'') + "\" required=true");
            System.exit(1);
            return Optional.empty();
        }
    }

    private static System.Logger log() {
        return System.getLogger(Application.class.getName());
    }

    /** The message of a malformed setting ({@code bangui.<name>: ...}) somewhere in the cause chain, if any. */
    static Optional<String> settingFailure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && cause.getMessage().startsWith("bangui.")) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The address a listener (API or management port) could not be bound to, and why, from the cause chain (the
     * server's failure names the address, its cause the reason), if any.
     */
    static Optional<String> bindFailure(Throwable failure) {
        String address = null;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof ServerStartupException && message.contains(" on ")) {
                address = message.substring(message.lastIndexOf(" on ") + 4);
            }
            if (cause instanceof BindException) {
                return Optional.of("cannot listen on " + (address == null ? "the configured address" : address)
                        + ": " + message.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Micronaut, with a start-up failure caused by a malformed setting or a busy port reported in one line. */
    private static final class Launcher extends Micronaut {

        @Override
        protected void handleStartupException(Environment environment, Throwable failure) {
            Optional<String> setting = settingFailure(failure);
            if (setting.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
                log().log(System.Logger.Level.ERROR, "startup_failed stage=settings reason=\""
                        + setting.get().replace('"', '\'') + "\"");
                System.exit(1);
            }
            Optional<String> bind = bindFailure(failure);
            if (bind.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
                log().log(System.Logger.Level.ERROR, "startup_failed stage=http reason=\""
                        + bind.get().replace('"', '\'') + "\"");
                System.exit(1);
            }
            super.handleStartupException(environment, failure);
        }
    }
}
