package org.bangui.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.util.Optional;

/**
 * Starts BanGUI. A setting that does not parse stops the start with one line that names it
 * ({@code startup_failed stage=settings reason="bangui.scheduler.heartbeat: 'abc' is not a duration ..."}) and
 * exit status 1, instead of the framework's stack trace around the same message.
 */
public final class Application extends Micronaut {

    private static final System.Logger LOG = System.getLogger(Application.class.getName());

    private Application() {
    }

    public static void main(String[] args) {
        String logFormat = System.getenv("BANGUI_LOG_FORMAT");
        if (logFormat != null && !logFormat.equals("json") && !logFormat.equals("text")) {
            // logback would pick no appender and the service would run without any log: refuse instead
            System.err.println("startup_failed stage=settings reason=\"BANGUI_LOG_FORMAT: '" + logFormat.replace('"', '\'')
                    + "' is neither json nor text\"");
            System.exit(1);
        }
        new Application().args(args).mainClass(Application.class).banner(false).start();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        Optional<String> setting = settingFailure(failure);
        if (setting.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
            LOG.log(System.Logger.Level.ERROR, "startup_failed stage=settings reason=\""
                    + setting.get().replace('"', '\'') + "\"");
            System.exit(1);
        }
        super.handleStartupException(environment, failure);
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
}
